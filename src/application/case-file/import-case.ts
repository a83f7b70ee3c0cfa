import type { CaseFile } from '../../domain/case-file/case-file';
import { minDate, mondayOnOrBefore } from '../../domain/calendar/business-date';
import { formatPounds, isWithinAmountLimit, MAX_AMOUNT_PENCE } from '../../domain/money/pence';
import type { SubAccount } from '../../domain/rent/charges-due';
import { SUB_ACCOUNTS } from '../../domain/rent/charges-due';
import type { Db } from '../../persistence/database';
import { appendCaseEvents } from '../../persistence/stores/case-event-store';
import { setChargePositions } from '../../persistence/stores/charge-store';
import { appendLedgerTransactions } from '../../persistence/stores/ledger-store';
import { addChargeScheduleEntry, addRentFreeWeeks, createTenancy, findTenancyByRef } from '../../persistence/stores/tenancy-store';

export class CaseImportRefused extends Error {
  override name = 'CaseImportRefused';
}

type Raw = Record<string, unknown>;
const rawList = (v: unknown): Raw[] => (Array.isArray(v) ? (v as Raw[]) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Loads one case file into the database as a tenancy with its whole history: charge schedule, rent-free
 * weeks, transactions, benefits and events. `raw` is the file as read (its extra fields — a
 * transaction's `subAccount`, an event's own fields — are kept so that `export-case` gives the file back).
 * A tenancy with the same ref is refused unless `replace`: the ledger being append-only, the old tenancy
 * is then renamed (its ref and payment reference suffixed `~replaced~<id>`) and kept, never deleted.
 */
export async function importCase(db: Db, caseFile: CaseFile, raw: Raw, options: { replace?: boolean; recordedBy?: string } = {}): Promise<{ tenancyId: number; transactions: number; events: number }> {
  const t = caseFile.tenancy;
  const rawTenancy = (raw.tenancy ?? {}) as Raw;
  // A valid case file to assess, but the ledger holds no line beyond the limit (migration 0034), nor may a charge
  // schedule post one: named as a case file's problem is.
  const tooLarge = [
    ...caseFile.transactions.map((x, i) => ({ path: `transactions[${i}].amountPence`, pence: x.amountPence })),
    ...caseFile.charges.map((c, i) => ({ path: `charges[${i}].weeklyPence`, pence: c.weeklyPence })),
  ].find((amount) => !isWithinAmountLimit(amount.pence));
  if (tooLarge) throw new CaseImportRefused(`${tooLarge.path}: more than a ledger line may hold (${formatPounds(MAX_AMOUNT_PENCE)} either way)`);
  return db.transaction(async (tx) => {
    const existing = await findTenancyByRef(tx, t.ref);
    const paymentReference = t.paymentReference ?? t.ref;
    if (existing) {
      if (!options.replace) throw new CaseImportRefused(`tenancy ${t.ref} already exists (use --replace to replace it)`);
      await tx.query(`UPDATE tenancies SET ref = ref || '~replaced~' || id, payment_reference = payment_reference || '~replaced~' || id, updated_at = now() WHERE id = $1`, [existing.id]);
    }
    const clash = await tx.query<{ ref: string }>(`SELECT ref FROM tenancies WHERE payment_reference = $1`, [paymentReference]);
    if (clash[0]) throw new CaseImportRefused(`payment reference ${paymentReference} is already held by tenancy ${clash[0].ref}`);
    const tenancyId = await createTenancy(tx, {
      ref: t.ref,
      paymentReference,
      tenure: t.tenure,
      landlordType: caseFile.landlord.type,
      startDate: t.startDate,
      endDate: t.endDate,
      endReason: t.endReason,
      rentFrequency: t.rentFrequency,
      address: t.address,
      postcode: t.postcode,
      patchName: t.patch,
      tenants: rawList(rawTenancy.tenants).map((p, i) => ({
        name: str(p.name) ?? t.tenants[i]?.name ?? 'Unknown tenant',
        hasForwardingAddress: p.forwardingAddress === true,
      })),
    });
    for (const c of caseFile.charges) await addChargeScheduleEntry(tx, { tenancyId, effectiveFrom: c.from, weeklyPence: c.weeklyPence, reason: 'case import' });
    await addRentFreeWeeks(tx, tenancyId, [...new Set(caseFile.rentFreeWeeks)]);

    const rawTransactions = rawList(raw.transactions);
    const inserted = await appendLedgerTransactions(
      tx,
      caseFile.transactions.map((x, i) => {
        const r = rawTransactions[i] ?? {};
        const sub = str(r.subAccount);
        const subAccount: SubAccount = sub && (SUB_ACCOUNTS as readonly string[]).includes(sub) ? (sub as SubAccount) : x.kind === 'court_costs' ? 'court_costs' : 'rent';
        return {
          tenancyId,
          subAccount,
          businessDate: x.date,
          kind: x.kind,
          method: x.method,
          amountPence: x.amountPence,
          periodFrom: x.periodFrom,
          periodTo: x.periodTo,
          note: x.note,
          reason: str(r.reason),
          idempotencyKey: `ci:${tenancyId}:${i}`,
          source: 'case_import',
          recordedBy: options.recordedBy ?? null,
        };
      }),
    );

    const rawBenefits = rawList(raw.benefits);
    let position = 0;
    for (const b of caseFile.benefits) {
      const r = rawBenefits[position] ?? {};
      const known = ['type', 'status', 'from', 'weeklyPence', 'paidEveryWeeks', 'evidenceComplete', 'housingCostsTo', 'monthlyHousingPence', 'assessmentPeriodStartDay'];
      const details = Object.fromEntries(Object.entries(r).filter(([k, v]) => !known.includes(k) && v !== null && v !== undefined));
      await tx.query(
        `INSERT INTO benefit_claims (tenancy_id, type, status, from_date, weekly_pence, paid_every_weeks, evidence_complete, housing_costs_to,
           monthly_housing_pence, assessment_period_start_day, details, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          tenancyId,
          b.type,
          b.status,
          b.from,
          b.weeklyPence,
          b.paidEveryWeeks,
          typeof r.evidenceComplete === 'boolean' ? r.evidenceComplete : null,
          b.housingCostsTo,
          b.monthlyHousingPence,
          b.assessmentPeriodStartDay,
          JSON.stringify(details),
          position,
        ],
      );
      position += 1;
    }

    const rawEvents = rawList(raw.events);
    const events = await appendCaseEvents(
      tx,
      caseFile.events.map((e, i) => {
        const r = rawEvents[i] ?? {};
        const details = Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'date' && k !== 'type'));
        return { tenancyId, eventDate: e.date, type: e.type, details, idempotencyKey: `ce:${tenancyId}:${i}`, recordedBy: options.recordedBy ?? null };
      }),
    );

    // The file is the tenancy's ledger up to its asOf: the daily run charges only the weeks after it.
    const lastDay = t.endDate !== null ? minDate(t.endDate, caseFile.asOf) : caseFile.asOf;
    if (lastDay >= t.startDate) await setChargePositions(tx, [{ tenancyId, chargedTo: mondayOnOrBefore(lastDay) }]);
    return { tenancyId, transactions: inserted.length, events: events.length };
  });
}
