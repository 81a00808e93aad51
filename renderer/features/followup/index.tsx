import './messages';
/** The 督办 feature as the shell and other features see it. */
export { FollowupNavLabel } from './FollowupNavLabel';
export { DecisionFollowupLink } from './DecisionFollowupLink';
export { FollowupTags, plainFollowupTags } from './tags';
export { EvidenceGallery, EvidencePicker } from './Evidence';
export { boardPathWith } from './boardState';
