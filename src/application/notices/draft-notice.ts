import { proposeNotice, type ProposedNotice } from '../../domain/assessment/propose-notice';
import type { BusinessDate } from '../../domain/calendar/business-date';
import { addDays } from '../../domain/calendar/business-date';
import type { NoticeType } from '../../domain/case-file/case-file';
import { NOTICE_TYPES } from '../../domain/case-file/case-file';
import { formatPounds } from '../../domain/money/pence';
import { resolvePolicy } from '../../domain/policy';
import type { Db } from '../../persistence/database';
import { appendCaseEvents } from '../../persistence/stores/case-event-store';
import { loadCaseData } from '../../persistence/stores/case-data-store';
import { findTenancyByRef } from '../../persistence/stores/tenancy-store';
import { activePolicy } from '../assessment/assess-tenancies';
import { reassessTenancies } from '../assessment/reassess';
import { caseFileOf } from '../case-file/build-case-file';
import type { Letter } from '../letters/letter';
import { buildStatement } from '../statements/build-statement';

/** A notice that cannot be drafted or recorded as asked; the message names the reason (exit 2). */
export class NoticeRefused extends Error {
  override name = 'NoticeRefused';
}

export interface NoticeDraft {
  type: NoticeType;
  servedOn: BusinessDate;
  earliestProceedingsDate: BusinessDate;
  expiresOn: BusinessDate | null;
  grounds: string[];
  tenants: string[];
  address: string | null;
  arrearsPence: number;
  rentArrearsPence: number;
}

export interface DraftNoticeRequest {
  ref: string;
  servedOn: BusinessDate;
  type?: string;
  grounds?: string[];
}

const GUARDRAIL_WORDS: Record<string, string> = {
  breathing_space: 'a breathing space (Debt Respite Scheme) is active',
  dispute_open: 'the tenant has an open dispute about the account',
  vulnerability_review_due: 'a vulnerability review is due',
};

/**
 * Drafts the statutory notice for a tenancy as if served on `servedOn`: the tenure's notice type, the dates
 * the domain computes, the grounds on rent arrears that day, every joint tenant and the address. Refuses an
 * unknown tenancy, one former on that day (its end date on or before it), another notice type than the tenure's, grounds the notice cannot carry,
 * and any day a breathing space is active (the notice would be void).
 */
export async function draftNotice(db: Db, request: DraftNoticeRequest): Promise<{ draft: NoticeDraft; proposed: ProposedNotice; tenancyId: number }> {
  const tenancy = await findTenancyByRef(db, request.ref);
  if (!tenancy) throw new NoticeRefused(`no tenancy with ref ${request.ref}`);
  // Former on the day of service when its end date is on or before it (recovery policy §7); an end date still to
  // come (notice to quit given by the tenant, a transfer booked) leaves it a current tenancy until then.
  if (tenancy.end_date !== null && tenancy.end_date <= request.servedOn) {
    throw new NoticeRefused(`tenancy ${request.ref} ended on ${tenancy.end_date}: a former tenancy cannot be served a notice`);
  }
  if (request.type !== undefined && !(NOTICE_TYPES as readonly string[]).includes(request.type)) {
    throw new NoticeRefused(`--type: unknown notice type "${request.type}" (one of ${NOTICE_TYPES.join(', ')})`);
  }
  const [data] = await loadCaseData(db, { ids: [tenancy.id] }, request.servedOn);
  const parsed = caseFileOf(data!, request.servedOn);
  if (!parsed.ok) throw new Error(`stored case is not valid: ${parsed.path}: ${parsed.message}`);
  const policy = await activePolicy(db);
  const parameters = resolvePolicy(policy.document, parsed.value.tenancy.tenure, parsed.value.landlord.type);
  const proposed = proposeNotice(parsed.value, parameters);
  if (request.type !== undefined && request.type !== proposed.type) {
    throw new NoticeRefused(`--type: a ${tenancy.tenure} tenancy is served a ${proposed.type} notice, not ${request.type} (recovery policy §2)`);
  }
  const breathing = proposed.blockedBy.find((b) => b.code === 'breathing_space');
  if (breathing) {
    throw new NoticeRefused(`a breathing space is active on ${request.servedOn}${'until' in breathing && breathing.until ? ` (until ${breathing.until})` : ''}: a notice served now would be void`);
  }
  let grounds = proposed.grounds;
  if (request.grounds !== undefined) {
    const cannot = request.grounds.filter((g) => !proposed.grounds.includes(g));
    if (cannot.length > 0) {
      const allowed = proposed.grounds.length > 0 ? `it can carry ${proposed.grounds.join(', ')}` : 'it carries no grounds';
      throw new NoticeRefused(`--grounds: a ${proposed.type} notice served on ${request.servedOn} cannot carry ground ${cannot.join(', ')} (${allowed})`);
    }
    grounds = [...new Set(request.grounds)];
  }
  const draft: NoticeDraft = {
    type: proposed.type,
    servedOn: request.servedOn,
    earliestProceedingsDate: proposed.earliestProceedingsDate,
    expiresOn: proposed.expiresOn,
    grounds,
    tenants: data!.tenants.map((t) => t.name),
    address: data!.tenancy.address ? [data!.tenancy.address, data!.tenancy.postcode].filter(Boolean).join(', ') : null,
    arrearsPence: proposed.arrearsPence,
    rentArrearsPence: proposed.rentArrearsPence,
  };
  return { draft, proposed, tenancyId: tenancy.id };
}

/** Records a drafted notice as served (refused while any §5 guardrail would block serving it). */
export async function recordNoticeServed(db: Db, request: DraftNoticeRequest & { method: string; recordedBy: string }): Promise<NoticeDraft> {
  const { draft, proposed, tenancyId } = await draftNotice(db, request);
  if (proposed.blockedBy.length > 0) {
    const reasons = proposed.blockedBy.map((b) => `${b.code} (${GUARDRAIL_WORDS[b.code] ?? 'guardrail'})`).join('; ');
    throw new NoticeRefused(`cannot record the notice as served: blocked by ${reasons}`);
  }
  await db.transaction(async (tx) => {
    await appendCaseEvents(tx, [
      {
        tenancyId,
        eventDate: draft.servedOn,
        type: 'notice_served',
        details: { notice: draft.type, grounds: draft.grounds, method: request.method, earliestProceedingsDate: draft.earliestProceedingsDate, expiresOn: draft.expiresOn },
        idempotencyKey: `notice:${tenancyId}:${draft.type}:${draft.servedOn}`,
        recordedBy: request.recordedBy,
      },
    ]);
  });
  await reassessTenancies(db, [tenancyId], draft.servedOn, 'decision');
  return draft;
}

const NOTICE_TITLES: Record<NoticeType, string> = {
  nosp: 'Notice of Seeking Possession (Housing Act 1985, section 83)',
  section_8: 'Notice seeking possession (Housing Act 1988, section 8, Form 3)',
  section_128: 'Notice of proceedings for possession (Housing Act 1996, section 128)',
  notice_to_quit: 'Notice to quit',
};

const GROUND_TEXT: Record<string, string> = {
  '1': 'Ground 1 (Housing Act 1985, Schedule 2): rent lawfully due from the tenant has not been paid.',
  '8': 'Ground 8 (Housing Act 1988, Schedule 2): at the date of service of this notice and at the date of the hearing, the rent unpaid reaches the statutory amount.',
  '10': 'Ground 10 (Housing Act 1988, Schedule 2): some rent lawfully due from the tenant is unpaid on the date this notice is served and on the date proceedings begin.',
  '11': 'Ground 11 (Housing Act 1988, Schedule 2): the tenant has persistently delayed paying rent which has become lawfully due.',
};

function longDate(d: BusinessDate): string {
  const [y, m, day] = d.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${day} ${months[(m ?? 1) - 1]} ${y}`;
}

/** The notice as a letter to serve: names, address, grounds, particulars (arrears figure and history) and dates. */
export async function noticeLetter(db: Db, ref: string, draft: NoticeDraft): Promise<Letter> {
  const statement = await buildStatement(db, ref, { asOf: draft.servedOn, from: addDays(draft.servedOn, -7 * 13 + 1), to: draft.servedOn });
  const paragraphs: string[] = [
    `To: ${draft.tenants.join(' and ')}${draft.address ? `, of ${draft.address}` : ''}.`,
    `This notice is served on ${longDate(draft.servedOn)}.`,
    '## Grounds',
    ...(draft.grounds.length > 0 ? draft.grounds.map((g) => GROUND_TEXT[g] ?? `Ground ${g}.`) : ['This notice does not rely on grounds.']),
    '## Particulars',
    `On the date of service the rent account shows arrears of ${formatPounds(draft.arrearsPence)}${draft.rentArrearsPence !== draft.arrearsPence ? ` (rent arrears ${formatPounds(draft.rentArrearsPence)})` : ''}. A statement of the account for the last 13 weeks is attached; the full history since arrears began is available on request.`,
    '## Dates',
    draft.type === 'notice_to_quit'
      ? `This notice expires on ${longDate(draft.earliestProceedingsDate)}, the first day of a period of the tenancy at least four weeks after service.`
      : `Court proceedings for possession will not begin before ${longDate(draft.earliestProceedingsDate)}.`,
    draft.expiresOn
      ? `This notice lapses, and proceedings cannot be begun on it, after ${longDate(draft.expiresOn)}.`
      : 'This notice does not lapse.',
    '## What you should do',
    'Contact your income officer now to agree how the arrears will be paid. Free, independent advice is available from Citizens Advice, Shelter, StepChange and National Debtline, and from the Housing Loss Prevention Advice Service if a claim is made.',
    ...(draft.type === 'notice_to_quit'
      ? ['Prescribed information: the landlord must get an order from the court before the occupier can lawfully be evicted. The occupier may obtain advice from a solicitor, Citizens Advice, a housing aid centre or a law centre.']
      : []),
  ];
  return {
    title: NOTICE_TITLES[draft.type],
    date: draft.servedOn,
    recipients: draft.tenants,
    address: draft.address,
    reference: ref,
    paragraphs,
    figures: [
      { label: 'Arrears on the date of service', value: formatPounds(draft.arrearsPence) },
      { label: 'Earliest date of proceedings', value: longDate(draft.earliestProceedingsDate) },
    ],
    statement,
    signOff: 'Signed on behalf of the landlord\nIncome Recovery Team',
  };
}
