import type { BusinessDate } from '../../domain/calendar/business-date';
import { addDays, daysBetween } from '../../domain/calendar/business-date';
import { firstCollectionAtNewAmount } from '../../domain/direct-debits/collection-schedule';
import { formatPounds } from '../../domain/money/pence';
import type { Pence } from '../../domain/money/pence';
import type { SubAccount } from '../../domain/rent/charges-due';
import { applyPercent, newDirectDebitAmount } from '../../domain/rent-change/rent-change';
import type { Db } from '../../persistence/database';
import { appendCaseEvents } from '../../persistence/stores/case-event-store';
import { insertLetters } from '../../persistence/stores/letter-store';
import { addChargeScheduleEntries } from '../../persistence/stores/tenancy-store';
import { reassessTenancies } from '../assessment/reassess';
import { collectionDayOf } from '../direct-debits/direct-debits';
import type { MandateRow } from '../direct-debits/mandate-store';
import { activeMandatesOf, appendMandateEvents, mandateEventsOf } from '../direct-debits/mandate-store';
import type { Letter } from '../letters/letter';
import { defaultSalutation } from '../letters/letter';
import { DEFAULT_CONTACT } from '../letters/templates';

/** Notice of a variation of rent: at least four weeks (28 days) before it takes effect. */
export const NOTICE_OF_VARIATION_DAYS = 28;
export const RENT_CHANGE_SUB_ACCOUNTS: readonly SubAccount[] = ['rent', 'service_charge'];

export class RentChangeRefused extends Error {
  override name = 'RentChangeRefused';
  constructor(
    message: string,
    readonly errors: { row: number | null; field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** The new weekly amounts asked for: a percentage of one sub-account, or amounts per tenancy and sub-account. */
export type RentChangeRequest =
  | { kind: 'percent'; basisPoints: number; subAccount: SubAccount }
  | { kind: 'amounts'; rows: { row: number; ref: string; subAccount: SubAccount; newWeeklyPence: Pence }[] };

export interface RentChangeItem {
  tenancyId: number;
  ref: string;
  subAccount: SubAccount;
  oldWeeklyPence: Pence;
  newWeeklyPence: Pence;
  alreadyApplied: boolean;
}

export interface DirectDebitChange {
  tenancyId: number;
  ref: string;
  mandateId: number;
  mandateReference: string;
  frequency: 'monthly' | 'weekly';
  oldAmountPence: Pence;
  newAmountPence: Pence;
  firstCollectionOn: BusinessDate;
  noticeBy: BusinessDate;
}

export interface RentChangePlan {
  effectiveFrom: BusinessDate;
  today: BusinessDate;
  items: RentChangeItem[];
  directDebits: DirectDebitChange[];
  totals: { tenancies: number; oldWeeklyPence: Pence; newWeeklyPence: Pence };
}

/** Refuses an effective date less than 28 days after today (the notice of variation must give four weeks). */
export function checkEffectiveDate(effectiveFrom: BusinessDate, today: BusinessDate): void {
  if (daysBetween(today, effectiveFrom) < NOTICE_OF_VARIATION_DAYS) {
    throw new RentChangeRefused(`--effective ${effectiveFrom}: must be at least ${NOTICE_OF_VARIATION_DAYS} days after ${today} (four weeks' notice of variation): the earliest is ${addDays(today, NOTICE_OF_VARIATION_DAYS)}`, [
      { row: null, field: 'effective', message: `must be on or after ${addDays(today, NOTICE_OF_VARIATION_DAYS)}` },
    ]);
  }
}

/**
 * The preview: per tenancy and sub-account the weekly charge in force the day before D (the old) and the
 * new one (percentage: half-up to the penny), whether it is already applied, and for each active direct
 * debit the new amount (weekly: + the weekly change; monthly: + change × 52 / 12, half-up) with the first
 * collection at the new amount and the date its advance notice must go by (10 working days before).
 */
export async function planRentChange(db: Db, effectiveFrom: BusinessDate, today: BusinessDate, request: RentChangeRequest): Promise<RentChangePlan> {
  checkEffectiveDate(effectiveFrom, today);
  const dayBefore = addDays(effectiveFrom, -1);
  const inForce = await db.query<{ tenancy_id: number; ref: string; sub_account: SubAccount; weekly_pence: number; applied: boolean }>(
    `SELECT DISTINCT ON (t.id, cs.sub_account) t.id AS tenancy_id, t.ref, cs.sub_account, cs.weekly_pence,
            EXISTS (SELECT 1 FROM rent_change_items i WHERE i.tenancy_id = t.id AND i.sub_account = cs.sub_account AND i.effective_from = $1) AS applied
     FROM tenancies t JOIN charge_schedules cs ON cs.tenancy_id = t.id AND cs.effective_from <= $2
     WHERE t.start_date <= $1 AND (t.end_date IS NULL OR t.end_date >= $1) AND cs.sub_account = ANY($3::text[])
     ORDER BY t.id, cs.sub_account, cs.effective_from DESC, cs.id DESC`,
    [effectiveFrom, dayBefore, RENT_CHANGE_SUB_ACCOUNTS],
  );
  const byKey = new Map(inForce.map((r) => [`${r.ref.toUpperCase()}|${r.sub_account}`, r]));
  const items: RentChangeItem[] = [];
  if (request.kind === 'percent') {
    for (const r of inForce) {
      if (r.sub_account !== request.subAccount) continue;
      const old = Number(r.weekly_pence);
      items.push({ tenancyId: r.tenancy_id, ref: r.ref, subAccount: r.sub_account, oldWeeklyPence: old, newWeeklyPence: applyPercent(old, request.basisPoints), alreadyApplied: r.applied });
    }
  } else {
    const refs = await db.query<{ id: number; ref: string }>(`SELECT id, ref FROM tenancies WHERE upper(ref) = ANY($1::text[]) AND start_date <= $2 AND (end_date IS NULL OR end_date >= $2)`, [
      request.rows.map((r) => r.ref.toUpperCase()),
      effectiveFrom,
    ]);
    const idOf = new Map(refs.map((r) => [r.ref.toUpperCase(), r]));
    const errors: RentChangeRefused['errors'] = [];
    for (const row of request.rows) {
      const t = idOf.get(row.ref.toUpperCase());
      if (!t) {
        errors.push({ row: row.row, field: 'tenancy_ref', message: `no current tenancy ${row.ref} on ${effectiveFrom}` });
        continue;
      }
      const current = byKey.get(`${row.ref.toUpperCase()}|${row.subAccount}`);
      items.push({ tenancyId: t.id, ref: t.ref, subAccount: row.subAccount, oldWeeklyPence: current ? Number(current.weekly_pence) : 0, newWeeklyPence: row.newWeeklyPence, alreadyApplied: current?.applied ?? false });
    }
    if (errors.length > 0) throw new RentChangeRefused(`${errors.length} row(s) refused: nothing applied`, errors);
  }
  items.sort((a, b) => a.ref.localeCompare(b.ref) || a.subAccount.localeCompare(b.subAccount));
  const directDebits = await directDebitChanges(db, items, effectiveFrom, today);
  const tenancies = new Set(items.map((i) => i.tenancyId)).size;
  return {
    effectiveFrom,
    today,
    items,
    directDebits,
    totals: { tenancies, oldWeeklyPence: items.reduce((s, i) => s + i.oldWeeklyPence, 0), newWeeklyPence: items.reduce((s, i) => s + i.newWeeklyPence, 0) },
  };
}

/** The amount a mandate collects now: its latest amount change, else its set-up amount. */
async function currentAmounts(db: Db, mandates: readonly MandateRow[]): Promise<Map<number, number>> {
  const events = await mandateEventsOf(db, mandates.map((m) => m.id));
  const amounts = new Map(mandates.map((m) => [m.id, m.amount_pence]));
  for (const e of events) if (e.type === 'amount_changed') amounts.set(e.mandate_id, Number(e.details.newAmountPence));
  return amounts;
}

async function directDebitChanges(db: Db, items: readonly RentChangeItem[], effectiveFrom: BusinessDate, today: BusinessDate): Promise<DirectDebitChange[]> {
  const change = new Map<number, { ref: string; pence: number }>();
  for (const i of items) {
    const c = change.get(i.tenancyId) ?? { ref: i.ref, pence: 0 };
    c.pence += i.newWeeklyPence - i.oldWeeklyPence;
    change.set(i.tenancyId, c);
  }
  const mandates = await activeMandatesOf(db, [...change.keys()]);
  const amounts = await currentAmounts(db, mandates);
  const events = await mandateEventsOf(db, mandates.map((m) => m.id));
  // Each mandate's change already recorded for this date (the first, in the events' order), by mandate.
  const alreadyChanged = new Map<number, (typeof events)[number]>();
  for (const e of events) {
    if (e.type === 'amount_changed' && e.details.effectiveFrom === effectiveFrom && !alreadyChanged.has(e.mandate_id)) alreadyChanged.set(e.mandate_id, e);
  }
  return mandates.map((m) => {
    const c = change.get(m.tenancy_id)!;
    const already = alreadyChanged.get(m.id);
    const oldAmountPence = already ? Number(already.details.oldAmountPence) : amounts.get(m.id)!;
    const { collectionOn, noticeBy } = firstCollectionAtNewAmount(collectionDayOf(m), effectiveFrom, today);
    return {
      tenancyId: m.tenancy_id,
      ref: c.ref,
      mandateId: m.id,
      mandateReference: m.reference,
      frequency: m.frequency,
      oldAmountPence,
      newAmountPence: newDirectDebitAmount(oldAmountPence, c.pence, m.frequency),
      firstCollectionOn: collectionOn,
      noticeBy,
    };
  });
}

/** Each tenancy's direct-debit change (of its first active mandate, as the plan lists them), by tenancy id. */
export function directDebitByTenancy(plan: Pick<RentChangePlan, 'directDebits'>): Map<number, DirectDebitChange> {
  const byTenancy = new Map<number, DirectDebitChange>();
  for (const d of plan.directDebits) if (!byTenancy.has(d.tenancyId)) byTenancy.set(d.tenancyId, d);
  return byTenancy;
}

export interface AppliedRentChange {
  plan: RentChangePlan;
  applied: number;
  letters: { tenancyId: number; ref: string; letterId: number }[];
}

/** Tenancies written per statement when a rent change is applied. */
const APPLY_CHUNK_TENANCIES = 2000;

/**
 * Applies a plan: for each item not yet applied, a charge-schedule entry from D, the item recorded, one
 * notice-of-variation letter per tenancy (dated today, ≥ 28 days before D), the direct-debit amount
 * change (mandate history, with its advance notice) and a case event. Items already applied are
 * skipped: applying twice, one after the other or at once, changes nothing; the plan returned marks the items
 * found applied meanwhile. All in one transaction; then the accounts changed are re-assessed.
 */
export async function applyRentChange(db: Db, plan: RentChangePlan, appliedBy: string): Promise<AppliedRentChange> {
  checkEffectiveDate(plan.effectiveFrom, plan.today);
  const directDebitOf = directDebitByTenancy(plan);
  const people = await lettersDetails(db, [...new Set(plan.items.filter((i) => !i.alreadyApplied).map((i) => i.tenancyId))]);
  const letters: AppliedRentChange['letters'] = [];
  let applied = 0;
  const appliedMeanwhile = new Set<string>();
  await db.transaction(async (tx) => {
    // One rent change applied at a time (on PostgreSQL, across processes), and what the plan did not find applied is
    // looked at again under the lock: a second apply of the same plan, started at the same moment, waits for the
    // first and then writes nothing. Before, it wrote every tenancy's notice of variation a second time.
    await tx.query('SELECT pg_advisory_xact_lock(724017)');
    const candidates = plan.items.filter((i) => !i.alreadyApplied);
    const found = await tx.query<{ tenancy_id: number; sub_account: string }>(
      `SELECT tenancy_id, sub_account FROM rent_change_items WHERE effective_from = $1::date AND tenancy_id = ANY($2::int[])`,
      [plan.effectiveFrom, [...new Set(candidates.map((i) => i.tenancyId))]],
    );
    for (const f of found) appliedMeanwhile.add(`${f.tenancy_id}|${f.sub_account}`);
    const byTenancy = new Map<number, RentChangeItem[]>();
    for (const i of candidates.filter((c) => !appliedMeanwhile.has(`${c.tenancyId}|${c.subAccount}`))) {
      const group = byTenancy.get(i.tenancyId);
      if (group) group.push(i);
      else byTenancy.set(i.tenancyId, [i]);
    }
    const entries = [...byTenancy];
    // A landlord's whole stock in one change: written a chunk of tenancies at a time, each step one
    // statement for the chunk (it was five or more round trips a tenancy: minutes at 100,000 homes).
    for (let from = 0; from < entries.length; from += APPLY_CHUNK_TENANCIES) {
      const chunk = entries.slice(from, from + APPLY_CHUNK_TENANCIES).map(([tenancyId, items]) => {
        const dd = directDebitOf.get(tenancyId) ?? null;
        const who = people.get(tenancyId) ?? { names: [], address: null };
        const ref = items[0]!.ref;
        return { tenancyId, items, dd, ref, letter: noticeOfVariation(ref, who.names, who.address, plan.effectiveFrom, plan.today, items, dd) };
      });
      const letterIds = await insertLetters(
        tx,
        chunk.map((c) => ({ tenancyId: c.tenancyId, template: 'notice_of_variation', letterDate: plan.today, caseEventId: null, content: { version: 1, action: 'notice_of_variation', letter: c.letter }, createdBy: appliedBy })),
      );
      const withLetters = chunk.map((c, k) => ({ ...c, letterId: letterIds[k]! }));
      for (const c of withLetters) letters.push({ tenancyId: c.tenancyId, ref: c.ref, letterId: c.letterId });
      const items = withLetters.flatMap((c) => c.items.map((i) => ({ ...i, letterId: c.letterId })));
      const inserted = await tx.query<{ tenancy_id: number; sub_account: string }>(
        `INSERT INTO rent_change_items (tenancy_id, sub_account, effective_from, old_weekly_pence, new_weekly_pence, letter_id, applied_by, applied_on)
         SELECT x.tenancy_id, x.sub_account, $3::date, x.old_weekly_pence, x.new_weekly_pence, x.letter_id, $6, $7::date
         FROM unnest($1::int[], $2::text[], $4::bigint[], $5::bigint[], $8::bigint[]) AS x (tenancy_id, sub_account, old_weekly_pence, new_weekly_pence, letter_id)
         ON CONFLICT (tenancy_id, sub_account, effective_from) DO NOTHING RETURNING tenancy_id, sub_account`,
        [
          items.map((i) => i.tenancyId),
          items.map((i) => i.subAccount),
          plan.effectiveFrom,
          items.map((i) => i.oldWeeklyPence),
          items.map((i) => i.newWeeklyPence),
          appliedBy,
          plan.today,
          items.map((i) => i.letterId),
        ],
      );
      const newlyApplied = new Set(inserted.map((r) => `${r.tenancy_id}|${r.sub_account}`));
      applied += newlyApplied.size;
      await addChargeScheduleEntries(
        tx,
        items
          .filter((i) => newlyApplied.has(`${i.tenancyId}|${i.subAccount}`))
          .map((i) => ({ tenancyId: i.tenancyId, subAccount: i.subAccount, effectiveFrom: plan.effectiveFrom, weeklyPence: i.newWeeklyPence, reason: `rent change from ${plan.effectiveFrom}` })),
      );
      await appendMandateEvents(
        tx,
        withLetters.flatMap(({ dd }) =>
          dd
            ? [
                {
                  mandateId: dd.mandateId,
                  eventOn: plan.today,
                  type: 'amount_changed',
                  details: { oldAmountPence: dd.oldAmountPence, newAmountPence: dd.newAmountPence, effectiveFrom: plan.effectiveFrom, firstCollectionOn: dd.firstCollectionOn, noticeBy: dd.noticeBy },
                  idempotencyKey: `dd:amount:${dd.mandateId}:${plan.effectiveFrom}`,
                  recordedBy: appliedBy,
                },
              ]
            : [],
        ),
      );
      await appendCaseEvents(
        tx,
        withLetters.map(({ tenancyId, items: changes, dd, letterId }) => ({
          tenancyId,
          eventDate: plan.today,
          type: 'rent_change_notified',
          details: {
            effectiveFrom: plan.effectiveFrom,
            letterId,
            changes: changes.map((i) => ({ subAccount: i.subAccount, oldWeeklyPence: i.oldWeeklyPence, newWeeklyPence: i.newWeeklyPence })),
            ...(dd ? { newDirectDebitPence: dd.newAmountPence, firstCollectionOn: dd.firstCollectionOn } : {}),
          },
          idempotencyKey: `rent_change_notified:${tenancyId}:${plan.effectiveFrom}`,
          recordedBy: appliedBy,
        })),
      );
    }
  });
  // The schedules and the notified events are the accounts' case data: each account changed is assessed again (ADR
  // 0012), so that its current result is what `assess` gives on its case file now, not at the next daily run.
  await reassessTenancies(db, letters.map((l) => l.tenancyId), plan.today, 'decision');
  const items = plan.items.map((i) => (appliedMeanwhile.has(`${i.tenancyId}|${i.subAccount}`) ? { ...i, alreadyApplied: true } : i));
  return { plan: { ...plan, items }, applied, letters };
}

async function lettersDetails(db: Db, tenancyIds: readonly number[]): Promise<Map<number, { names: string[]; address: string | null }>> {
  const rows = await db.query<{ tenancy_id: number; names: string[] | null; address: string | null }>(
    `SELECT t.id AS tenancy_id, (SELECT array_agg(n.name ORDER BY n.position) FROM tenants n WHERE n.tenancy_id = t.id) AS names,
            CASE WHEN p.id IS NULL THEN NULL ELSE concat_ws(', ', p.address, p.postcode) END AS address
     FROM tenancies t LEFT JOIN properties p ON p.id = t.property_id WHERE t.id = ANY($1::int[])`,
    [tenancyIds],
  );
  return new Map(rows.map((r) => [r.tenancy_id, { names: r.names ?? [], address: r.address }]));
}

const SUB_ACCOUNT_WORDS: Record<string, string> = { rent: 'Rent', service_charge: 'Service charge' };

/** The notice of variation of rent and service charges (PDF through the letters module). */
export function noticeOfVariation(
  ref: string,
  names: string[],
  address: string | null,
  effectiveFrom: BusinessDate,
  today: BusinessDate,
  items: readonly RentChangeItem[],
  dd: DirectDebitChange | null,
): Letter {
  const paragraphs = [
    `We are writing to give you notice that your weekly charges will change from ${effectiveFrom}. This notice is given at least four weeks before the change takes effect.`,
    ...items.map((i) => `${SUB_ACCOUNT_WORDS[i.subAccount] ?? i.subAccount}: ${formatPounds(i.oldWeeklyPence)} a week now, ${formatPounds(i.newWeeklyPence)} a week from ${effectiveFrom}.`),
  ];
  if (dd) {
    paragraphs.push(
      `## Your Direct Debit`,
      `Your Direct Debit (reference ${dd.mandateReference}) will change from ${formatPounds(dd.oldAmountPence)} to ${formatPounds(dd.newAmountPence)} ${dd.frequency === 'monthly' ? 'a month' : 'a week'}. The first collection at the new amount will be on ${dd.firstCollectionOn}. This letter is your advance notice under the Direct Debit Guarantee.`,
    );
  }
  paragraphs.push(`If you have any questions, or you are worried about paying, please contact us on ${DEFAULT_CONTACT.phone} or ${DEFAULT_CONTACT.email}.`);
  const oldTotal = items.reduce((s, i) => s + i.oldWeeklyPence, 0);
  const newTotal = items.reduce((s, i) => s + i.newWeeklyPence, 0);
  return {
    title: 'Notice of variation of rent and service charges',
    date: today,
    recipients: names,
    address,
    reference: ref,
    salutation: defaultSalutation(names),
    paragraphs,
    figures: [
      { label: 'Weekly charges now', value: formatPounds(oldTotal) },
      { label: `Weekly charges from ${effectiveFrom}`, value: formatPounds(newTotal) },
    ],
    signOff: 'Yours sincerely,\nIncome Services',
  };
}
