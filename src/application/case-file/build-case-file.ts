import type { BusinessDate } from '../../domain/calendar/business-date';
import { mondayOnOrBefore } from '../../domain/calendar/business-date';
import {
  LANDLORD_TYPES,
  RENT_FREQUENCIES,
  TENURES,
  TRANSACTION_KINDS,
  type CaseEvent,
  type CaseFile,
  type BenefitEntry,
  type LandlordType,
  type RentFrequency,
  type Tenure,
  type TransactionKind,
} from '../../domain/case-file/case-file';
import { parseBenefit, parseCaseFile, parseEntryOrNull, parseEvent, type ParseCaseFileResult } from '../../domain/case-file/parse-case-file';
import type { CaseData } from '../../persistence/stores/case-data-store';

/** A case file as JSON (contracts/case-file.md, version 1). */
export type CaseFileJson = Record<string, unknown> & { version: 1; asOf: BusinessDate };

function withoutNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

/**
 * The combined weekly charge schedule of the rent account: at each date a sub-account's charge changes,
 * the sum of every sub-account's charge in force.
 */
export function combinedSchedule(charges: CaseData['charges']): { from: BusinessDate; weeklyPence: number }[] {
  // The schedules are read in date order (by tenancy, date, id): one pass, each date's sum once its last row is
  // in. That is what the general way below gives for rows in date order, at a fraction of its cost (it looks
  // at every row again for each date: a quarter of building the daily run's case files).
  let inDateOrder = true;
  for (let i = 1; i < charges.length && inDateOrder; i++) inDateOrder = charges[i - 1]!.effective_from <= charges[i]!.effective_from;
  if (inDateOrder) {
    const schedule: { from: BusinessDate; weeklyPence: number }[] = [];
    const latest = new Map<string, number>();
    for (let i = 0; i < charges.length; i++) {
      const c = charges[i]!;
      latest.set(c.sub_account, c.weekly_pence);
      if (i + 1 < charges.length && charges[i + 1]!.effective_from === c.effective_from) continue;
      let weeklyPence = 0;
      for (const v of latest.values()) weeklyPence += v;
      schedule.push({ from: c.effective_from, weeklyPence });
    }
    return schedule;
  }
  const dates = [...new Set(charges.map((c) => c.effective_from))].sort();
  return dates.map((from) => {
    const latest = new Map<string, number>();
    for (const c of charges) if (c.effective_from <= from) latest.set(c.sub_account, c.weekly_pence); // ordered by date
    let weeklyPence = 0;
    for (const v of latest.values()) weeklyPence += v;
    return { from, weeklyPence };
  });
}

function rentFreeWeeksOf(data: CaseData): BusinessDate[] {
  const t = data.tenancy;
  const firstMonday = mondayOnOrBefore(t.start_date);
  const lastMonday = t.end_date ? t.end_date : null;
  return [...new Set(data.rentFreeWeeks)].filter((m) => m >= firstMonday && (lastMonday === null || m <= lastMonday)).sort();
}

/** Builds the case file of one tenancy from what the database holds, as known on `asOf`. */
export function buildCaseFile(data: CaseData, asOf: BusinessDate): CaseFileJson {
  const t = data.tenancy;
  const rentFreeWeeks = rentFreeWeeksOf(data);
  return {
    version: 1,
    asOf,
    landlord: { type: t.landlord_type },
    tenancy: {
      ref: t.ref,
      tenure: t.tenure,
      startDate: t.start_date,
      endDate: t.end_date,
      endReason: t.end_reason,
      rentFrequency: t.rent_frequency,
      tenants: data.tenants.map((p) => ({ name: p.name, forwardingAddress: p.has_forwarding_address })),
      ...withoutNulls({ address: t.address, postcode: t.postcode, paymentReference: t.payment_reference, patch: t.patch_name }),
    },
    charges: combinedSchedule(data.charges),
    rentFreeWeeks,
    transactions: data.transactions.map((x) =>
      withoutNulls({
        date: x.business_date,
        kind: x.kind,
        amountPence: x.amount_pence,
        method: x.method,
        periodFrom: x.period_from,
        periodTo: x.period_to,
        note: x.note,
        subAccount: x.sub_account === 'rent' ? null : x.sub_account,
        reason: x.reason,
      }),
    ),
    benefits: data.benefits.map(benefitJson),
    events: data.events.map((e) => ({ ...e.details, date: e.event_date, type: e.type })),
  };
}


function benefitJson(b: CaseData['benefits'][number]): Record<string, unknown> {
  return withoutNulls({
    ...b.details,
    type: b.type,
    status: b.status,
    from: b.from_date,
    weeklyPence: b.weekly_pence,
    paidEveryWeeks: b.paid_every_weeks,
    evidenceComplete: b.evidence_complete,
    housingCostsTo: b.housing_costs_to,
    monthlyHousingPence: b.monthly_housing_pence,
    assessmentPeriodStartDay: b.assessment_period_start_day,
  });
}

const KINDS: ReadonlySet<string> = new Set(TRANSACTION_KINDS);
const isOneOf = <T extends string>(list: readonly T[], value: string | null): value is T => value !== null && (list as readonly string[]).includes(value);

/**
 * The typed case file of one tenancy, exactly `parseCaseFile(buildCaseFile(data, asOf))` without building
 * and re-reading the JSON-shaped object for every transaction (the daily run assesses every account: the
 * round trip was a third of its time in Node). The values from the database are already of their types;
 * only the open parts (event details, benefit details) go through the parser's own entry readers. Anything
 * the contract would refuse takes the whole file through parseCaseFile, so the problem is named the same
 * way. Held to the round trip by `case-file-of.db.test.ts` over a demo landlord.
 */
export function caseFileOf(data: CaseData, asOf: BusinessDate): ParseCaseFileResult {
  const slow = () => parseCaseFile(buildCaseFile(data, asOf));
  const t = data.tenancy;
  const landlordType = t.landlord_type;
  const tenure = t.tenure;
  const rentFrequency = t.rent_frequency ?? 'weekly';
  if (!isOneOf<LandlordType>(LANDLORD_TYPES, landlordType) || !isOneOf<Tenure>(TENURES, tenure) || !isOneOf<RentFrequency>(RENT_FREQUENCIES, rentFrequency) || t.ref.trim() === '') {
    return slow();
  }
  const transactions: CaseFile['transactions'] = new Array(data.transactions.length);
  for (let i = 0; i < data.transactions.length; i++) {
    const x = data.transactions[i]!;
    if (!KINDS.has(x.kind) || !Number.isSafeInteger(x.amount_pence)) return slow();
    transactions[i] = { date: x.business_date, kind: x.kind as TransactionKind, amountPence: x.amount_pence, method: x.method, periodFrom: x.period_from, periodTo: x.period_to, note: x.note };
  }
  const benefits: BenefitEntry[] = [];
  for (const b of data.benefits) {
    const parsed = parseEntryOrNull(parseBenefit, benefitJson(b));
    if (parsed === null) return slow();
    benefits.push(parsed);
  }
  const events: CaseEvent[] = [];
  for (const e of data.events) {
    const parsed = parseEntryOrNull(parseEvent, { ...e.details, date: e.event_date, type: e.type });
    if (parsed === null) return slow();
    events.push(parsed);
  }
  return {
    ok: true,
    value: {
      version: 1,
      asOf,
      landlord: { type: landlordType },
      tenancy: {
        ref: t.ref,
        tenure,
        startDate: t.start_date,
        endDate: t.end_date,
        endReason: t.end_reason,
        rentFrequency,
        tenants: data.tenants.map((p) => ({ name: p.name ?? null, forwardingAddress: p.has_forwarding_address === true })),
        address: t.address,
        postcode: t.postcode,
        paymentReference: t.payment_reference,
        patch: t.patch_name,
      },
      charges: combinedSchedule(data.charges),
      rentFreeWeeks: rentFreeWeeksOf(data),
      transactions,
      benefits,
      events,
      ...(data.summarised ? { summarised: data.summarised } : {}),
    },
  };
}
