/**
 * Equality and proportionality (Public Sector Equality Duty) assessments: domain reference §12 (Equality
 * Act 2010 s149 due regard; record at each stage — notice, issue, warrant; s15 disability and reasonable
 * adjustments; Article 8 proportionality) and §14.4 (missing PSED blocks the notice, claim and warrant).
 * Stored as `psed_assessment` events (contract: details { stage, … }).
 */
import type { BusinessDate } from '../calendar/business-date';

export const PSED_STAGES = ['notice', 'claim', 'warrant'] as const;
export type PsedStage = (typeof PSED_STAGES)[number];

export const PSED_STAGE_LABELS: Readonly<Record<PsedStage, string>> = {
  notice: 'Serving a notice',
  claim: 'Issuing a possession claim',
  warrant: 'Applying for a warrant',
};

export const PSED_DECISIONS = ['proceed', 'do_not_proceed'] as const;
export type PsedDecision = (typeof PSED_DECISIONS)[number];

/** Protected characteristics (Equality Act 2010 s4) and the vulnerabilities of the protocol (§2.1). */
export const PSED_CONSIDERATIONS: Readonly<Record<string, string>> = {
  age: 'Age (including under 18 or older person)',
  disability: 'Disability, including mental health',
  pregnancy_maternity: 'Pregnancy and maternity',
  race: 'Race, including language needs',
  religion_belief: 'Religion or belief',
  sex: 'Sex',
  sexual_orientation: 'Sexual orientation',
  gender_reassignment: 'Gender reassignment',
  marriage_civil_partnership: 'Marriage and civil partnership',
  children_in_household: 'Children in the household',
  mental_capacity: 'Mental capacity to defend the claim',
  domestic_abuse: 'Domestic abuse',
};

export function isPsedStage(value: string): value is PsedStage {
  return (PSED_STAGES as readonly string[]).includes(value);
}

/** The latest psed_assessment for a stage among the given events (null when none). */
export function latestPsedFor<E extends { type: string; date: BusinessDate; stage?: string | null; id?: number }>(events: readonly E[], stage: PsedStage): E | null {
  let found: E | null = null;
  for (const e of events) {
    if (e.type !== 'psed_assessment' || e.stage !== stage) continue;
    if (found === null || e.date > found.date || (e.date === found.date && (e.id ?? 0) >= (found.id ?? 0))) found = e;
  }
  return found;
}
