import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTenancyRow, tenancyFile } from '../../../test/builders/tenancy-file';
import { createTestDatabase } from '../../../test/support/test-database';
import { tempDir } from '../../../test/support/temp-files';
import type { Db } from '../../persistence/database';
import { insertRentScheduleEntries } from '../../persistence/stores/import-store';
import { createTenancy, findTenancyByRef, listTenants } from '../../persistence/stores/tenancy-store';
import { ImportRefused } from './csv-file';
import { listOpenExceptions } from './exceptions';
import { importTenancies } from './import-tenancies';

const TODAY = '2026-11-23';
let db: Db;
const files = tempDir();

async function importText(name: string, content: string | Buffer, batchRows?: number) {
  return importTenancies(db, { path: files.file(name, content), today: TODAY, ...(batchRows ? { batchRows } : {}) });
}

async function ledger(ref: string) {
  return db.query<{ kind: string; amount_pence: number; business_date: string; idempotency_key: string }>(
    `SELECT l.kind, l.amount_pence, l.business_date, l.idempotency_key FROM ledger_transactions l JOIN tenancies t ON t.id = l.tenancy_id WHERE t.ref = $1 ORDER BY l.id`,
    [ref],
  );
}

async function schedule(ref: string) {
  return db.query<{ effective_from: string; weekly_pence: number }>(
    `SELECT c.effective_from, c.weekly_pence FROM charge_schedules c JOIN tenancies t ON t.id = c.tenancy_id WHERE t.ref = $1 ORDER BY c.effective_from`,
    [ref],
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
  files.cleanup();
});

describe('import tenancies', () => {
  it('imports, then finds the same file unchanged, then updates what a changed file changes', async () => {
    const rows = [
      aTenancyRow({ ref: 'T-A1', payment_reference: '700001', opening_balance: '250.40', rent_from: '2026-04-06' }),
      aTenancyRow({ ref: 'T-A2', payment_reference: '700002', tenant_names: 'B One & C Two', postcode: 'sw1a1aa', patch: 'South', end_date: '2025-03-30', tenure: 'Assured' }),
      aTenancyRow({ ref: 'T-A3', payment_reference: '700003', opening_balance: '-12.00', landlord_type: '', rent_frequency: '', phone: '', email: '' }),
    ];
    const first = await importText('tenancies.csv', tenancyFile(rows));
    expect(first).toMatchObject({ rows: 3, imported: 3, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);

    const a2 = await findTenancyByRef(db, 'T-A2');
    expect(a2).toMatchObject({ payment_reference: '700002', tenure: 'assured', end_date: '2025-03-30', postcode: 'SW1A 1AA', patch_name: 'South', address: '12 Example Road, Testtown' });
    expect((await listTenants(db, a2!.id)).map((t) => [t.name, t.phone ?? null])).toEqual([
      ['B One', '01632 960001'],
      ['C Two', null],
    ]);
    // Opening balance: an adjustment the day before rent_from (or start_date), key ob:<ref>.
    expect(await ledger('T-A1')).toEqual([{ kind: 'adjustment', amount_pence: 25040, business_date: '2026-04-05', idempotency_key: 'ob:T-A1' }]);
    expect(await ledger('T-A3')).toEqual([{ kind: 'adjustment', amount_pence: -1200, business_date: '2019-06-02', idempotency_key: 'ob:T-A3' }]);
    expect(await ledger('T-A2')).toEqual([]);
    expect(await schedule('T-A1')).toEqual([{ effective_from: '2026-04-06', weekly_pence: 11820 }]);
    expect(await schedule('T-A2')).toEqual([{ effective_from: '2019-06-03', weekly_pence: 11820 }]);

    const again = await importText('tenancies.csv', tenancyFile(rows));
    expect(again).toMatchObject({ rows: 3, imported: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await ledger('T-A1')).toHaveLength(1);

    const changed = [
      { ...rows[0]!, opening_balance: '999.99', weekly_rent: '125.00', rent_from: '2027-04-05' }, // new rent; the opening balance is never posted twice
      { ...rows[1]!, address: '14 Example Road, Testtown', tenant_names: 'B One', email: 'b.one@example.org', opening_balance: '50.00' }, // an existing tenancy: its ledger is not touched
      { ...rows[2]!, weekly_rent: '130.00' }, // a new rent without rent_from: rejected
    ];
    const third = await importText('tenancies-changed.csv', tenancyFile(changed));
    expect(third).toMatchObject({ rows: 3, imported: 0, updated: 2, unchanged: 0, rejected: 1 });
    expect(third.errors).toEqual([{ row: 4, field: 'rent_from', message: expect.stringMatching(/is required: weekly_rent £130.00 differs from the charge in force \(£118.20/) }]);
    expect(await ledger('T-A1')).toEqual([{ kind: 'adjustment', amount_pence: 25040, business_date: '2026-04-05', idempotency_key: 'ob:T-A1' }]);
    expect(await ledger('T-A2')).toEqual([]);
    expect(await schedule('T-A1')).toEqual([
      { effective_from: '2026-04-06', weekly_pence: 11820 },
      { effective_from: '2027-04-05', weekly_pence: 12500 },
    ]);
    const updated = await findTenancyByRef(db, 'T-A2');
    expect(updated).toMatchObject({ address: '14 Example Road, Testtown', postcode: 'SW1A 1AA', patch_name: 'South' });
    expect((await listTenants(db, updated!.id)).map((t) => [t.name, t.email ?? null])).toEqual([['B One', 'b.one@example.org']]);
  });

  it('updates the changed tenancies of a batch together: patch (a new one), tenure, end, payment reference, tenants, and a property for a tenancy without', async () => {
    const rows = [1, 2, 3, 4].map((i) => aTenancyRow({ ref: `T-M${i}`, payment_reference: `73000${i}`, patch: 'West', tenant_names: 'D One & E Two', address: `${i} Mill Lane, Testtown` }));
    expect(await importText('many-1.csv', tenancyFile(rows))).toMatchObject({ imported: 4 });
    // A tenancy without a property (loaded from a case file without an address).
    const noProperty = await createTenancy(db, {
      ref: 'T-M5',
      paymentReference: '730005',
      tenure: 'secure',
      landlordType: 'local_authority',
      startDate: '2019-06-03',
      endDate: null,
      endReason: null,
      rentFrequency: 'weekly',
      address: null,
      postcode: null,
      patchName: null,
      tenants: [{ name: 'F Three' }],
    });
    await insertRentScheduleEntries(db, [{ tenancyId: noProperty, effectiveFrom: '2019-06-03', weeklyPence: 11820, reason: 'test' }]);
    const before = new Map((await db.query<{ ref: string; property_id: number | null }>(`SELECT ref, property_id FROM tenancies WHERE ref LIKE 'T-M%'`)).map((r) => [r.ref, r.property_id]));
    expect(before.get('T-M5')).toBeNull();

    const changed = [
      { ...rows[0]!, patch: 'Riverside' }, // a patch not yet known
      { ...rows[1]!, tenure: 'introductory', end_date: '2026-10-31' },
      { ...rows[2]!, payment_reference: '739993', tenant_names: 'E Two', phone: '01632 960999', email: '' },
      rows[3]!, // unchanged
      aTenancyRow({ ref: 'T-M5', payment_reference: '730005', patch: 'West', tenant_names: 'F Three & G Four', address: '5 Mill Lane, Testtown', postcode: 'te1 5ml' }),
    ];
    const result = await importText('many-2.csv', tenancyFile(changed));
    expect(result).toMatchObject({ rows: 5, imported: 0, updated: 4, unchanged: 1, rejected: 0 });

    expect(await findTenancyByRef(db, 'T-M1')).toMatchObject({ patch_name: 'Riverside', address: '1 Mill Lane, Testtown' });
    const [m1Property] = await db.query<{ patch: string }>(`SELECT pa.name AS patch FROM tenancies t JOIN properties p ON p.id = t.property_id JOIN patches pa ON pa.id = p.patch_id WHERE t.ref = 'T-M1'`);
    expect(m1Property).toEqual({ patch: 'Riverside' });
    expect(await findTenancyByRef(db, 'T-M2')).toMatchObject({ tenure: 'introductory', end_date: '2026-10-31', patch_name: 'West' });
    const m3 = await findTenancyByRef(db, 'T-M3');
    expect(m3).toMatchObject({ payment_reference: '739993' });
    expect((await listTenants(db, m3!.id)).map((t) => [t.position, t.name, t.phone ?? null])).toEqual([[1, 'E Two', '01632 960999']]);
    const m5 = await findTenancyByRef(db, 'T-M5');
    expect(m5).toMatchObject({ address: '5 Mill Lane, Testtown', postcode: 'TE1 5ML', patch_name: 'West' });
    expect((await listTenants(db, m5!.id)).map((t) => [t.position, t.name])).toEqual([
      [1, 'F Three'],
      [2, 'G Four'],
    ]);
    // Each kept its own property (T-M5 got a new one); none was shared or lost.
    const after = new Map((await db.query<{ ref: string; property_id: number | null }>(`SELECT ref, property_id FROM tenancies WHERE ref LIKE 'T-M%'`)).map((r) => [r.ref, r.property_id]));
    for (const ref of ['T-M1', 'T-M2', 'T-M3', 'T-M4']) expect(after.get(ref)).toBe(before.get(ref));
    expect(after.get('T-M5')).not.toBeNull();
    expect(new Set(after.values()).size).toBe(5);
    // The same file again changes nothing.
    expect(await importText('many-2.csv', tenancyFile(changed))).toMatchObject({ updated: 0, unchanged: 5 });
  });

  it('keeps what the file leaves blank', async () => {
    await importText('keep-1.csv', tenancyFile([aTenancyRow({ ref: 'T-K1', payment_reference: '710001', patch: 'East', postcode: 'M1 1AE' })]));
    const result = await importText('keep-2.csv', tenancyFile([aTenancyRow({ ref: 'T-K1', payment_reference: '710001', patch: '', postcode: '', phone: '', email: '' })]));
    expect(result).toMatchObject({ unchanged: 1 });
    expect(await findTenancyByRef(db, 'T-K1')).toMatchObject({ patch_name: 'East', postcode: 'M1 1AE' });
  });

  it('rejects a ref repeated in the file, and a payment reference someone else holds', async () => {
    await importText('holder.csv', tenancyFile([aTenancyRow({ ref: 'T-H1', payment_reference: '720001' })]));
    const rows = [
      aTenancyRow({ ref: 'T-R1', payment_reference: '720010' }), // row 2: imported
      aTenancyRow({ ref: 'T-R1', payment_reference: '720011' }), // row 3: ref repeated
      aTenancyRow({ ref: 'T-R2', payment_reference: '720001' }), // row 4: held by T-H1
      aTenancyRow({ ref: 'T-R3', payment_reference: '720010' }), // row 5: given to T-R1 on row 2
      aTenancyRow({ ref: 'T-R4', payment_reference: '720012', tenure: 'leasehold' }), // row 6
      aTenancyRow({ ref: 'T-R5', payment_reference: '720013', start_date: '2020-01-01', end_date: '2019-12-31' }), // row 7
      aTenancyRow({ ref: 'T-R6', payment_reference: '720014', weekly_rent: '£95.5' }), // row 8: imported
      aTenancyRow({ ref: 'T-R7', payment_reference: '720015', tenant_names: ' ' }), // row 9
    ];
    const result = await importText('reject.csv', tenancyFile(rows), 3);
    expect(result).toMatchObject({ rows: 8, imported: 2, updated: 0, unchanged: 0, rejected: 6 });
    expect(result.rows).toBe(result.imported + result.updated + result.unchanged + result.rejected);
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'ref'],
      [4, 'payment_reference'],
      [5, 'payment_reference'],
      [6, 'tenure'],
      [7, 'end_date'],
      [9, 'tenant_names'],
    ]);
    expect(result.errors[1]!.message).toMatch(/already held by tenancy T-H1/);
    expect(await schedule('T-R6')).toEqual([{ effective_from: '2019-06-03', weekly_pence: 9550 }]);
    expect((await listOpenExceptions(db)).filter((e) => e.file.endsWith('reject.csv'))).toHaveLength(6);
    // Imported again, the same bad rows are the same open exceptions.
    await importText('reject.csv', tenancyFile(rows), 3);
    expect((await listOpenExceptions(db)).filter((e) => e.kind === 'tenancies' && e.raw.ref?.startsWith('T-R'))).toHaveLength(6);
  });

  it('refuses a file it cannot read, whole', async () => {
    await expect(importText('empty.csv', '')).rejects.toThrow(ImportRefused);
    await expect(importText('missing.csv', 'ref,payment_reference,tenure\nT-1,1,secure\n')).rejects.toThrow(/missing required columns start_date, weekly_rent, address, tenant_names/);
    await expect(importText('binary.csv', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]))).rejects.toThrow(/not a CSV file/);
    expect(await importText('header-only.csv', `\uFEFF${tenancyFile([])}`)).toMatchObject({ rows: 0, imported: 0, updated: 0, unchanged: 0, rejected: 0 });
  });
});
