import { hash } from '@node-rs/argon2';
import { addDays, type BusinessDate } from '../../src/domain/calendar/business-date';
import type { Db } from '../../src/persistence/database';
import { storeAssessments, type NewAssessment } from '../../src/persistence/stores/assessment-store';
import { appendCaseEvents, type NewCaseEvent } from '../../src/persistence/stores/case-event-store';
import { appendLedgerTransactions, type NewLedgerTransaction } from '../../src/persistence/stores/ledger-store';
import { addChargeScheduleEntry, createTenancy } from '../../src/persistence/stores/tenancy-store';
import { insertUser, type Role } from '../../src/persistence/stores/user-store';

/** The business "today" of the seeded landlord (a Monday). */
export const SEED_AS_OF: BusinessDate = '2026-11-23';
export const SEED_PASSWORD = 'seed-password-1';

export interface SeededUser {
  id: number;
  username: string;
  role: Role;
  patch: string | null;
}

export interface SeededWeb {
  asOf: BusinessDate;
  password: string;
  users: Record<'officerNorth' | 'officerSouth' | 'senior' | 'manager' | 'manager2' | 'admin' | 'adminOfficer' | 'officerNoPatch', SeededUser>;
  patches: { north: number; south: number };
  tenancies: Record<string, number>;
}

interface TenancySpec {
  ref: string;
  patch: 'Northgate' | 'Southbank';
  tenants: { name: string; phone?: string; email?: string }[];
  address: string;
  postcode: string;
  tenure: 'secure' | 'assured' | 'introductory';
  weeklyPence: number;
  /** Weeks (from the start) in which the rent was paid in full. */
  paidWeeks: number;
  action: string;
  priority: number;
  needsApproval?: boolean;
  reasons: string[];
  events?: Omit<NewCaseEvent, 'tenancyId'>[];
  notice?: Record<string, unknown> | null;
  blockedBy?: { code: string; until?: string | null }[];
}

const START: BusinessDate = '2026-06-01'; // a Monday: 26 charged weeks to 2026-11-23 (its Monday included)

const SPECS: TenancySpec[] = [
  {
    ref: 'TEN-N001',
    patch: 'Northgate',
    tenants: [{ name: 'Alice Smith', phone: '07700 900001', email: 'alice@example.org' }],
    address: '12 Example Road, Northtown',
    postcode: 'NT1 2AB',
    tenure: 'secure',
    weeklyPence: 10_000,
    paidWeeks: 24,
    action: 'send_letter_1',
    priority: 22,
    reasons: ['2.00 weeks of real arrears', 'no letter sent in this arrears episode'],
    events: [
      { eventDate: '2026-09-01', type: 'vulnerability', details: { flag: 'mental_health' }, note: 'Anxiety: prefers email' },
      { eventDate: '2026-11-16', type: 'follow_up', details: { dueDate: '2026-11-23', reason: 'Check the promised payment' }, recordedBy: 'officer.northgate' },
      { eventDate: '2026-11-10', type: 'contact', details: { channel: 'phone', outcome: 'spoke' }, note: 'Promised to pay on Friday', recordedBy: 'officer.northgate' },
    ],
  },
  {
    ref: 'TEN-N002',
    patch: 'Northgate',
    tenants: [{ name: 'Bob Jones' }, { name: 'Carol Jones' }],
    address: '4 Mill Lane, Northtown',
    postcode: 'NT2 9ZZ',
    tenure: 'secure',
    weeklyPence: 9_000,
    paidWeeks: 11,
    action: 'apply_for_possession',
    priority: 70,
    needsApproval: true,
    reasons: ['15.00 weeks of real arrears', 'notice served 2026-09-28 is valid', 'claim checklist complete'],
    notice: { type: 'nosp', servedOn: '2026-09-28', earliestProceedingsDate: '2026-10-26', expiresOn: '2027-10-26', valid: true },
    events: [
      { eventDate: '2026-07-20', type: 'action', details: { action: 'send_letter_1' } },
      { eventDate: '2026-07-27', type: 'action', details: { action: 'send_letter_2' } },
      { eventDate: '2026-08-10', type: 'action', details: { action: 'home_visit' } },
      { eventDate: '2026-08-24', type: 'action', details: { action: 'send_final_warning' } },
      { eventDate: '2026-09-28', type: 'notice_served', details: { notice: 'nosp', grounds: ['1'] } },
    ],
  },
  {
    ref: 'TEN-N003',
    patch: 'Northgate',
    tenants: [{ name: 'Dev Patel' }],
    address: '7 Mill Lane, Northtown',
    postcode: 'NT2 9ZY',
    tenure: 'assured',
    weeklyPence: 11_000,
    paidWeeks: 24,
    action: 'send_letter_1',
    priority: 20,
    reasons: ['2.00 weeks of real arrears'],
  },
  {
    ref: 'TEN-N004',
    patch: 'Northgate',
    tenants: [{ name: 'Erin Brown' }],
    address: '1 Park View, Northtown',
    postcode: 'NT3 1AA',
    tenure: 'secure',
    weeklyPence: 9_500,
    paidWeeks: 26,
    action: 'none',
    priority: 0,
    reasons: ['no real arrears'],
  },
  {
    ref: 'TEN-S001',
    patch: 'Southbank',
    tenants: [{ name: 'Frank Green' }],
    address: '3 River Street, Southton',
    postcode: 'ST1 4CD',
    tenure: 'secure',
    weeklyPence: 10_500,
    paidWeeks: 20,
    action: 'hold',
    priority: 30,
    reasons: ['6.00 weeks of real arrears', 'breathing space until 2027-01-05'],
    blockedBy: [{ code: 'breathing_space', until: '2027-01-05' }],
    events: [
      { eventDate: '2026-11-07', type: 'breathing_space', details: { kind: 'standard' } },
      { eventDate: '2026-11-01', type: 'dispute', details: {}, note: 'Disputes a repairs recharge' },
    ],
  },
  {
    ref: 'TEN-S002',
    patch: 'Southbank',
    tenants: [{ name: 'Grace Hall' }],
    address: '9 River Street, Southton',
    postcode: 'ST1 4CE',
    tenure: 'introductory',
    weeklyPence: 8_500,
    paidWeeks: 19,
    action: 'send_letter_2',
    priority: 36,
    reasons: ['7.00 weeks of real arrears', 'letter 1 sent 2026-11-02, 21 days ago'],
    events: [{ eventDate: '2026-11-02', type: 'action', details: { action: 'send_letter_1' } }],
  },
];

function mondays(from: BusinessDate, to: BusinessDate): BusinessDate[] {
  const out: BusinessDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 7)) out.push(d);
  return out;
}

/**
 * A small landlord for the web tests: two patches (Northgate, Southbank), six tenancies with ledgers,
 * case events and stored assessments (written directly, so the pages do not depend on the engine), and a
 * user for every role (password SEED_PASSWORD). Deterministic.
 */
export async function seedWeb(db: Db): Promise<SeededWeb> {
  const tenancies: Record<string, number> = {};
  const weeks = mondays(START, SEED_AS_OF);
  for (const spec of SPECS) {
    const id = await createTenancy(db, {
      ref: spec.ref,
      paymentReference: `P${spec.ref.replace(/\D/g, '')}${spec.patch === 'Northgate' ? '1' : '2'}`,
      tenure: spec.tenure,
      landlordType: 'local_authority',
      startDate: START,
      endDate: null,
      endReason: null,
      rentFrequency: 'weekly',
      address: spec.address,
      postcode: spec.postcode,
      patchName: spec.patch,
      tenants: spec.tenants.map((t) => ({ name: t.name, phone: t.phone ?? null, email: t.email ?? null })),
    });
    tenancies[spec.ref] = id;
    await addChargeScheduleEntry(db, { tenancyId: id, effectiveFrom: START, weeklyPence: spec.weeklyPence });
    const rows: NewLedgerTransaction[] = [];
    weeks.forEach((monday, i) => {
      rows.push({ tenancyId: id, businessDate: monday, kind: 'charge', amountPence: spec.weeklyPence, idempotencyKey: `seed:${spec.ref}:charge:${monday}`, source: 'seed' });
      if (i < spec.paidWeeks) {
        rows.push({
          tenancyId: id,
          businessDate: addDays(monday, 2),
          kind: 'payment',
          method: 'direct_debit',
          amountPence: -spec.weeklyPence,
          idempotencyKey: `seed:${spec.ref}:payment:${monday}`,
          source: 'seed',
        });
      }
    });
    await appendLedgerTransactions(db, rows);
    if (spec.events) await appendCaseEvents(db, spec.events.map((e) => ({ ...e, tenancyId: id })));
  }

  const patchRows = await db.query<{ id: number; name: string }>(`SELECT id, name FROM patches ORDER BY name`);
  const north = patchRows.find((p) => p.name === 'Northgate')!.id;
  const south = patchRows.find((p) => p.name === 'Southbank')!.id;

  const assessments: NewAssessment[] = SPECS.map((spec) => {
    const balance = (weeks.length - spec.paidWeeks) * spec.weeklyPence;
    const weeksInArrears = Math.round((balance / spec.weeklyPence) * 100) / 100;
    const recommendation: Record<string, unknown> = { action: spec.action, needsApproval: spec.needsApproval ?? false, missing: [] };
    return {
      tenancyId: tenancies[spec.ref]!,
      asOf: SEED_AS_OF,
      trigger: 'daily',
      policyVersion: 1,
      action: spec.action,
      priority: spec.priority,
      balancePence: balance,
      arrearsPence: Math.max(0, balance),
      realArrearsPence: Math.max(0, balance),
      needsApproval: spec.needsApproval ?? false,
      patchId: spec.patch === 'Northgate' ? north : south,
      result: {
        version: 1,
        tenancyRef: spec.ref,
        asOf: SEED_AS_OF,
        balancePence: balance,
        weeklyChargePence: spec.weeklyPence,
        arrearsPence: Math.max(0, balance),
        technicalArrearsPence: 0,
        realArrearsPence: Math.max(0, balance),
        weeksInArrears,
        episodeStart: balance > 0 ? addDays(START, spec.paidWeeks * 7) : null,
        arrangement: { status: 'none' },
        notice: spec.notice ?? null,
        recommendation,
        alsoConsider: [],
        blockedBy: spec.blockedBy ?? [],
        reasons: spec.reasons,
        priority: spec.priority,
      },
      trace: [
        { rule: 'measures', matched: true, detail: `balance ${balance}p, ${weeksInArrears} weeks`, figures: { balancePence: balance, weeksInArrears } },
        { rule: 'former-tenancy', matched: false, detail: 'current tenancy', figures: {} },
        { rule: 'ladder', matched: spec.action.startsWith('send_'), detail: `next step ${spec.action}`, figures: { weeksInArrears } },
      ],
    };
  });
  await storeAssessments(db, assessments);

  const passwordHash = await hash(SEED_PASSWORD);
  const add = async (username: string, role: Role, patchId: number | null, extraRoles: Role[] = []): Promise<SeededUser> => {
    const id = await insertUser(db, { username, displayName: username.replace(/\./g, ' '), role, patchId, passwordHash, extraRoles });
    return { id: id!, username, role, patch: patchId === north ? 'Northgate' : patchId === south ? 'Southbank' : null };
  };
  const users = {
    officerNorth: await add('officer.northgate', 'officer', north),
    officerSouth: await add('officer.southbank', 'officer', south),
    senior: await add('senior', 'senior_officer', null),
    manager: await add('manager', 'manager', null),
    manager2: await add('manager2', 'manager', null),
    admin: await add('admin', 'admin', null),
    adminOfficer: await add('admin.officer', 'admin', south, ['officer']),
    officerNoPatch: await add('officer.nopatch', 'officer', null),
  };
  return { asOf: SEED_AS_OF, password: SEED_PASSWORD, users, patches: { north, south }, tenancies };
}
