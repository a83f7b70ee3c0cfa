/**
 * §5.1 breathing space active on asOf (started on or before asOf and asOf <= its last day): any
 * recovery or enforcement step becomes hold; for a former tenancy, send_fta_letter and
 * debt_agency_referral. `until`: the last day (null when open); of several active, the earliest started.
 */
import { fromDayNumber } from '../../calendar/business-date';
import type { AssessmentContext } from '../assessment-context';
import type { ActionCode } from '../types';
import { APPLY_ACTIONS, type Guardrail, type GuardrailCondition } from './guardrail';

function breathingSpaceCondition(ctx: AssessmentContext): GuardrailCondition {
  const active = ctx.activeBreathingSpaces[0];
  if (active === undefined) return { holds: false, because: 'no breathing space active', figures: { activeBreathingSpaces: 0 } };
  const until = active.lastDay === null ? null : fromDayNumber(active.lastDay);
  return {
    holds: true,
    until,
    because: `a breathing space started ${fromDayNumber(active.startDay)} is active ${until === null ? 'with no end date yet' : `until ${until}`}`,
    figures: { activeBreathingSpaces: ctx.activeBreathingSpaces.length, startedOn: fromDayNumber(active.startDay), until, kind: active.kind },
  };
}

const RECOVERY_STEPS: readonly ActionCode[] = [
  'send_letter_1',
  'send_letter_2',
  'home_visit',
  'send_final_warning',
  'complete_pre_action',
  'serve_notice',
  ...APPLY_ACTIONS,
  'prepare_eviction',
  'review_arrangement',
];

export const breathingSpaceGuardrail: Guardrail = {
  name: '§5.1 breathing space',
  code: 'breathing_space',
  blocks: RECOVERY_STEPS,
  replacement: 'hold',
  condition: breathingSpaceCondition,
};

export const formerTenancyBreathingSpaceGuardrail: Guardrail = {
  name: '§5.1 breathing space (former tenancy)',
  code: 'breathing_space',
  blocks: ['send_fta_letter', 'debt_agency_referral'],
  replacement: 'hold',
  condition: breathingSpaceCondition,
};
