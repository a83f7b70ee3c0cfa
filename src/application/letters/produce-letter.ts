import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../../persistence/database';
import { currentAssessment } from '../../persistence/stores/assessment-store';
import { insertLetter } from '../../persistence/stores/letter-store';
import type { TenancyRow } from '../../persistence/stores/tenancy-store';
import { buildStatement } from '../statements/build-statement';
import { LANDLORD_NAME } from '../statements/render/format';
import type { LetterContent, LetterTemplate } from './letter-content';

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Builds a letter's content from what the database holds today (figures from the current assessment, a 13-week statement). */
export async function buildLetterContent(db: Db, tenancy: TenancyRow, template: LetterTemplate, letterDate: BusinessDate, officerName: string): Promise<LetterContent> {
  const [assessment, statement] = await Promise.all([currentAssessment(db, tenancy.id), buildStatement(db, tenancy.ref, { asOf: letterDate, mode: 'thirteen-weeks' })]);
  const r = assessment?.result ?? {};
  const balance = typeof r.balancePence === 'number' ? r.balancePence : statement.closingBalancePence;
  return {
    version: 1,
    template,
    letterDate,
    landlordName: LANDLORD_NAME,
    tenancyRef: tenancy.ref,
    paymentReference: tenancy.payment_reference,
    tenants: statement.tenants,
    address: statement.address,
    officerName,
    figures: {
      balancePence: balance,
      arrearsPence: typeof r.arrearsPence === 'number' ? r.arrearsPence : Math.max(0, balance),
      realArrearsPence: num(r.realArrearsPence),
      weeklyChargePence: num(r.weeklyChargePence),
      weeksInArrears: typeof r.weeksInArrears === 'number' ? r.weeksInArrears : null,
    },
    statement,
  };
}

/** Produces and stores a letter for an action event; returns the letter's id. */
export async function produceLetter(
  db: Db,
  tenancy: TenancyRow,
  template: LetterTemplate,
  letterDate: BusinessDate,
  officer: { username: string; displayName: string },
  caseEventId: number | null,
): Promise<number> {
  const content = await buildLetterContent(db, tenancy, template, letterDate, officer.displayName);
  return insertLetter(db, { tenancyId: tenancy.id, template, letterDate, caseEventId, content, createdBy: officer.username });
}
