import type { BusinessDate } from '../../domain/calendar/business-date';
import { mondayOnOrBefore } from '../../domain/calendar/business-date';
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
  const dates = [...new Set(charges.map((c) => c.effective_from))].sort();
  return dates.map((from) => {
    const latest = new Map<string, number>();
    for (const c of charges) if (c.effective_from <= from) latest.set(c.sub_account, c.weekly_pence); // ordered by date
    let weeklyPence = 0;
    for (const v of latest.values()) weeklyPence += v;
    return { from, weeklyPence };
  });
}

/** Builds the case file of one tenancy from what the database holds, as known on `asOf`. */
export function buildCaseFile(data: CaseData, asOf: BusinessDate): CaseFileJson {
  const t = data.tenancy;
  const firstMonday = mondayOnOrBefore(t.start_date);
  const lastMonday = t.end_date ? t.end_date : null;
  const rentFreeWeeks = [...new Set(data.rentFreeWeeks)]
    .filter((m) => m >= firstMonday && (lastMonday === null || m <= lastMonday))
    .sort();
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
    benefits: data.benefits.map((b) =>
      withoutNulls({
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
      }),
    ),
    events: data.events.map((e) => ({ ...e.details, date: e.event_date, type: e.type })),
  };
}

