import { describe, expect, it } from 'vitest';
import { parseCaseFile } from './parse-case-file';

function validRaw(): Record<string, unknown> {
  return {
    version: 1,
    asOf: '2026-11-23',
    landlord: { type: 'local_authority' },
    tenancy: { ref: 'TEN-1', tenure: 'secure', startDate: '2019-06-03', endDate: null, rentFrequency: 'weekly', tenants: [{ name: 'A', forwardingAddress: true }] },
    charges: [{ from: '2026-04-06', weeklyPence: 11820 }],
    rentFreeWeeks: ['2026-12-21'],
    transactions: [
      { date: '2026-11-16', kind: 'charge', amountPence: 11820 },
      { date: '2026-11-20', kind: 'benefit', amountPence: -40000, method: 'housing_benefit', periodFrom: '2026-10-19', periodTo: '2026-11-15' },
    ],
    benefits: [
      { type: 'housing_benefit', status: 'in_payment', from: '2024-01-01', weeklyPence: 10000, paidEveryWeeks: 4, evidenceComplete: true },
      { type: 'universal_credit', status: 'in_payment', from: '2025-03-15', housingCostsTo: 'landlord', monthlyHousingPence: 51220 },
    ],
    events: [
      { date: '2026-09-01', type: 'action', action: 'send_letter_1' },
      { date: '2026-10-01', type: 'arrangement', instalmentPence: 500, frequency: 'weekly' },
      { date: '2026-10-20', type: 'notice_served', notice: 'nosp', grounds: ['1'] },
    ],
  };
}

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw JSON under test */
type Raw = Record<string, any>;
type Mutate = (raw: Raw) => void;

describe('parseCaseFile: valid files', () => {
  it('builds the typed case file, leaving unknown fields out', () => {
    const raw = validRaw();
    raw['extra'] = { anything: true };
    (raw['transactions'] as Record<string, unknown>[])[0]!['subAccount'] = 'rent';
    const result = parseCaseFile(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.tenancy.rentFrequency).toBe('weekly');
    expect(result.value.transactions[0]).toEqual({ date: '2026-11-16', kind: 'charge', amountPence: 11820, method: null, periodFrom: null, periodTo: null, note: null });
    expect(result.value.events[2]?.grounds).toEqual(['1']);
    expect(result.value.tenancy.tenants[0]?.forwardingAddress).toBe(true);
    expect('extra' in result.value).toBe(false);
  });

  it.each<[string, Mutate]>([
    ['optional arrays missing', (r) => { delete r.charges; delete r.benefits; delete r.events; delete r.rentFreeWeeks; delete r.tenancy.tenants; }],
    ['optional fields null', (r) => { r.tenancy.endDate = null; r.tenancy.rentFrequency = null; r.events[1].endDate = null; }],
    ['an empty transactions list', (r) => { r.transactions = []; }],
    ['an unknown event type, status or method', (r) => { r.events.push({ date: '2026-01-01', type: 'party' }); r.benefits[0].status = 'weird'; r.transactions[0].method = 'barter'; }],
    ['a benefit of another type without amounts', (r) => { r.benefits.push({ type: 'pension_credit', status: 'claimed', from: '2026-01-01' }); }],
    ['an action code given as a number (unchecked: left out)', (r) => { r.events[0].action = 5; }],
  ])('accepts %s', (_name, mutate) => {
    const raw = validRaw();
    mutate(raw);
    expect(parseCaseFile(raw).ok).toBe(true);
  });

  it('defaults rentFrequency to weekly and ignores a wrongly typed unchecked field', () => {
    const raw = validRaw();
    delete (raw['tenancy'] as Record<string, unknown>)['rentFrequency'];
    (raw['events'] as Record<string, unknown>[])[0]!['action'] = 42;
    const result = parseCaseFile(raw);
    expect(result.ok && result.value.tenancy.rentFrequency).toBe('weekly');
    expect(result.ok && result.value.events[0]?.action).toBeNull();
  });
});

describe('parseCaseFile: invalid files name the JSON path', () => {
  it.each<[string, Mutate, string]>([
    ['amountPence as a string', (r: Raw) => { r.transactions[1].amountPence = '95.50'; }, 'transactions[1].amountPence'],
    ['amountPence with decimals', (r: Raw) => { r.transactions[0].amountPence = 95.5; }, 'transactions[0].amountPence'],
    ['amountPence missing', (r: Raw) => { delete r.transactions[0].amountPence; }, 'transactions[0].amountPence'],
    ['an unknown transaction kind', (r: Raw) => { r.transactions[0].kind = 'gift'; }, 'transactions[0].kind'],
    ['a transaction that is not an object', (r: Raw) => { r.transactions[1] = 5; }, 'transactions[1]'],
    ['transactions missing', (r: Raw) => { delete r.transactions; }, 'transactions'],
    ['transactions not an array', (r: Raw) => { r.transactions = {}; }, 'transactions'],
    ['a 30 February', (r: Raw) => { r.asOf = '2026-02-30'; }, 'asOf'],
    ['a UK-format date', (r: Raw) => { r.tenancy.startDate = '03/06/2019'; }, 'tenancy.startDate'],
    ['a bad periodTo', (r: Raw) => { r.transactions[1].periodTo = '2026-11-31'; }, 'transactions[1].periodTo'],
    ['a bad rent-free week', (r: Raw) => { r.rentFreeWeeks = ['2026-12-21', 'soon']; }, 'rentFreeWeeks[1]'],
    ['version 2', (r: Raw) => { r.version = 2; }, 'version'],
    ['version missing', (r: Raw) => { delete r.version; }, 'version'],
    ['an unknown landlord type', (r: Raw) => { r.landlord.type = 'private'; }, 'landlord.type'],
    ['landlord missing: its required field named', (r: Raw) => { delete r.landlord; }, 'landlord.type'],
    ['landlord null', (r: Raw) => { r.landlord = null; }, 'landlord.type'],
    ['landlord not an object', (r: Raw) => { r.landlord = 'local_authority'; }, 'landlord'],
    ['tenancy missing: its first required field named', (r: Raw) => { delete r.tenancy; }, 'tenancy.ref'],
    ['tenancy not an object', (r: Raw) => { r.tenancy = []; }, 'tenancy'],
    ['an unknown tenure', (r: Raw) => { r.tenancy.tenure = 'freehold'; }, 'tenancy.tenure'],
    ['an unknown rent frequency', (r: Raw) => { r.tenancy.rentFrequency = 'daily'; }, 'tenancy.rentFrequency'],
    ['an empty ref', (r: Raw) => { r.tenancy.ref = ''; }, 'tenancy.ref'],
    ['a numeric ref', (r: Raw) => { r.tenancy.ref = 123; }, 'tenancy.ref'],
    ['tenants not an array', (r: Raw) => { r.tenancy.tenants = 'A Tenant'; }, 'tenancy.tenants'],
    ['a bad tenancy endDate', (r: Raw) => { r.tenancy.endDate = '2026'; }, 'tenancy.endDate'],
    ['charges not an array', (r: Raw) => { r.charges = 5; }, 'charges'],
    ['a charge without weeklyPence', (r: Raw) => { delete r.charges[0].weeklyPence; }, 'charges[0].weeklyPence'],
    ['a charge without from', (r: Raw) => { delete r.charges[0].from; }, 'charges[0].from'],
    ['an HB entry without weeklyPence', (r: Raw) => { delete r.benefits[0].weeklyPence; }, 'benefits[0].weeklyPence'],
    ['a UC entry without monthlyHousingPence', (r: Raw) => { delete r.benefits[1].monthlyHousingPence; }, 'benefits[1].monthlyHousingPence'],
    ['paidEveryWeeks not an integer', (r: Raw) => { r.benefits[0].paidEveryWeeks = '4'; }, 'benefits[0].paidEveryWeeks'],
    ['a benefit status that is not a string', (r: Raw) => { r.benefits[0].status = true; }, 'benefits[0].status'],
    ['a benefit without from', (r: Raw) => { delete r.benefits[0].from; }, 'benefits[0].from'],
    ['an event type that is not a string', (r: Raw) => { r.events[0].type = 7; }, 'events[0].type'],
    ['an event without date', (r: Raw) => { delete r.events[0].date; }, 'events[0].date'],
    ['an arrangement without instalmentPence', (r: Raw) => { delete r.events[1].instalmentPence; }, 'events[1].instalmentPence'],
    ['an eviction_scheduled without evictionDate', (r: Raw) => { r.events.push({ date: '2026-11-01', type: 'eviction_scheduled' }); }, 'events[3].evictionDate'],
    ['a bad cancelledOn', (r: Raw) => { r.events[1].cancelledOn = 'yesterday'; }, 'events[1].cancelledOn'],
    ['a court order instalment in pounds', (r: Raw) => { r.events.push({ date: '2026-11-01', type: 'court_order', order: 'suspended', instalmentPence: 10.5 }); }, 'events[3].instalmentPence'],
    ['an event that is not an object', (r: Raw) => { r.events[0] = 'letter'; }, 'events[0]'],
  ])('%s', (_name, mutate, path) => {
    const raw = validRaw();
    mutate(raw);
    const result = parseCaseFile(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.path).toBe(path);
      expect(result.message.length).toBeGreaterThan(0);
    }
  });

  it.each([[null], [[]], ['text'], [42]])('input %j is not a JSON object', (json) => {
    const result = parseCaseFile(json);
    expect(result).toMatchObject({ ok: false, path: '' });
  });
});
