import { Link } from 'react-router-dom';
import { today } from '../../../shared/dates';
import type { Decision } from '../../../shared/domain/decision';
import { followupTiming } from '../../../shared/followup/state';
import { FollowupTags } from './tags';

/** A decision's follow-up state on the meeting page, opening its 督办 page. */
export function DecisionFollowupLink({ decision }: { decision: Decision }) {
  return (
    <Link to={`/followup/${decision.id}`} aria-label={decision.title}>
      <FollowupTags state={decision.status} timing={followupTiming(decision.deadline, decision.status, today())} />
    </Link>
  );
}
