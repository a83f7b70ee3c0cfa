import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../../persistence/database';
import { currentAssessment } from '../../persistence/stores/assessment-store';
import { insertLetter, listLettersOfTenancy } from '../../persistence/stores/letter-store';
import type { TenancyRow } from '../../persistence/stores/tenancy-store';
import type { Letter } from '../letters/letter';
import { buildLetter, isLetterAction, type LetterAction, type NoticeType } from '../letters/templates';
import { buildStatement } from '../statements/build-statement';

export { isLetterAction };

/** What a stored letter holds (letters.content): the rendered letter's model, so the PDF is re-made identical. */
export interface StoredLetter {
  version: 1;
  action: LetterAction;
  letter: Letter;
}

const NOTICE_BY_TENURE: Record<string, NoticeType> = {
  secure: 'nosp',
  flexible: 'nosp',
  introductory: 'section_128',
  assured: 'section_8',
  starter: 'section_8',
  licence: 'notice_to_quit',
  non_secure: 'notice_to_quit',
};

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Produces the letter of a letter action (letter 1, letter 2, final warning) from the templates, with the
 * tenants' names, the address, the figures of the current assessment and a 13-week statement, and stores
 * it against the action's case event. Returns the letter's id.
 */
export async function produceLetterForAction(
  db: Db,
  tenancy: TenancyRow,
  action: LetterAction,
  letterDate: BusinessDate,
  officer: { username: string; displayName: string },
  caseEventId: number | null,
): Promise<number> {
  const [assessment, statement, previous] = await Promise.all([
    currentAssessment(db, tenancy.id),
    buildStatement(db, tenancy.ref, { asOf: letterDate, mode: 'thirteen-weeks' }),
    listLettersOfTenancy(db, tenancy.id),
  ]);
  const r = assessment?.result ?? {};
  const letter = buildLetter(action, {
    date: letterDate,
    tenancyRef: tenancy.ref,
    paymentReference: tenancy.payment_reference,
    tenants: statement.tenants,
    address: statement.address,
    arrearsPence: num(r.arrearsPence) ?? Math.max(0, statement.closingBalancePence),
    weeklyChargePence: num(r.weeklyChargePence) ?? 0,
    statement,
    noticeType: NOTICE_BY_TENURE[tenancy.tenure] ?? 'nosp',
    previousLetterDate: previous[0]?.letter_date ?? null,
    officerName: officer.displayName,
  });
  const content: StoredLetter = { version: 1, action, letter };
  return insertLetter(db, { tenancyId: tenancy.id, template: action, letterDate, caseEventId, content, createdBy: officer.username });
}
