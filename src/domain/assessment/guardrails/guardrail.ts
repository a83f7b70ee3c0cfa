/**
 * §5 guardrails (⚖) on the chosen action. Each has a condition and the list of actions it stops; the
 * first that holds and lists the action replaces it.
 */
import type { BusinessDate } from '../../calendar/business-date';
import type { AssessmentContext } from '../assessment-context';
import type { ActionCode, BlockingCode, TraceFigures } from '../types';

export interface GuardrailCondition {
  holds: boolean;
  /** breathing_space only: the last day of the earliest-started active one (null while open). */
  until?: BusinessDate | null;
  /** Wording for the reasons when it blocks. */
  because: string;
  figures: TraceFigures;
}

export interface Guardrail {
  name: string;
  code: BlockingCode;
  blocks: readonly ActionCode[];
  replacement: ActionCode;
  condition(ctx: AssessmentContext): GuardrailCondition;
}

export const APPLY_ACTIONS: readonly ActionCode[] = ['apply_for_possession', 'apply_for_warrant', 'apply_to_fix_date', 'apply_to_restore'];
