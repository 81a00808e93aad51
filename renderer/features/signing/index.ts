import './messages';
/** Signing keys and 核验 with signatures, as other features see them. */
export { SigningKeysCard } from './SigningKeysCard';
export { VerdictAlert, fileVerdictTitle } from './VerdictAlert';
export { SignatureKeyLine } from './SignatureKeyLine';
export { AuditLogCard } from './AuditLogCard';
