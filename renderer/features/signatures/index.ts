import './messages';
/** The signatures feature as other features see it. */
export { SignaturePad, type SignaturePadProps } from './SignaturePad';
export { PaperSheetUpload, type PaperSheetResult, type PaperSheetUploadProps } from './PaperSheetUpload';
