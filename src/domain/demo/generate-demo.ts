/**
 * The deterministic synthetic demo landlord: a council with a few thousand homes in at least two patches,
 * five years of weekly rent history ending on asOf, and accounts in every state the recovery policy knows.
 * Pure: the same options always give the same landlord, tenancy by tenancy, on any machine.
 */
import type { BusinessDate } from '../calendar/business-date';
import { addMonths, civilFromDays, fromDayNumber, isBusinessDate, mondayOnOrAfter, toDayNumber } from '../calendar/business-date';
import { DEMO_TOWN, fictionalEmail, fictionalFirstName, fictionalPhone, fictionalPostcode, fictionalSurname, patchName, streetName } from './fictional-names';
import { mixSeed, Random } from './random';
import { christmasRentFreeMondays, rentYearOf } from './rent-setting';
import { assignScenarios, SCENARIOS, writeFallback } from './scenarios';
import { Story, type LandlordContext, type PropertyInfo } from './story';
import type { DemoLandlord, DemoOptions, DemoTenancy, DemoTenant } from './types';

/** Homes per patch the landlord aims for (a patch is one income officer's caseload). */
export const HOMES_PER_PATCH = 1800;
const HOMES_PER_STREET = 48;
const MAX_ATTEMPTS = 14;

const SALT = { scenarios: 0x5ce7a, property: 0xb0b, people: 0x7e7, story: 0xa77e } as const;

export function demoPatchCount(tenancies: number): number {
  return Math.max(2, Math.round(tenancies / HOMES_PER_PATCH));
}

/** The first Monday of the history: about five years before asOf. */
export function demoHistoryStart(asOf: BusinessDate): BusinessDate {
  return mondayOnOrAfter(addMonths(asOf, -60));
}

/** The landlord-wide rent-free weeks: two at each Christmas, from nine years before asOf to the one after it. */
export function demoRentFreeWeeks(asOf: BusinessDate): BusinessDate[] {
  const year = civilFromDays(toDayNumber(asOf)).year;
  const weeks: BusinessDate[] = [];
  for (let y = year - 9; y <= year + 1; y++) weeks.push(...christmasRentFreeMondays(y));
  return weeks;
}

function validate(options: DemoOptions): void {
  if (!Number.isSafeInteger(options.tenancies) || options.tenancies < 1) throw new RangeError(`tenancies must be a whole number of at least 1, got ${options.tenancies}`);
  if (options.tenancies > 999_999) throw new RangeError('tenancies must be at most 999,999 (refs are TEN-000001 to TEN-999999)');
  if (!Number.isSafeInteger(options.seed)) throw new RangeError(`seed must be a whole number, got ${options.seed}`);
  if (!isBusinessDate(options.asOf)) throw new RangeError(`asOf must be a date YYYY-MM-DD, got ${options.asOf}`);
}

export function createDemoLandlord(options: DemoOptions): DemoLandlord {
  validate(options);
  const { tenancies: total, seed, asOf } = options;
  const asOfDay = toDayNumber(asOf);
  const historyStart = demoHistoryStart(asOf);
  const patchCount = demoPatchCount(total);

  const rentFreeWeeks = demoRentFreeWeeks(asOf);
  const rentFreeMondays = new Set(rentFreeWeeks);

  const dateCacheBase = asOfDay - 60 * 366;
  const dateCache: (BusinessDate | undefined)[] = [];
  const date = (day: number): BusinessDate => {
    const i = day - dateCacheBase;
    if (i < 0 || i > 70 * 366) return fromDayNumber(day);
    let d = dateCache[i];
    if (d === undefined) {
      d = fromDayNumber(day);
      dateCache[i] = d;
    }
    return d;
  };
  const yearKeyCache = new Map<number, number>();
  const rentYearKey = (day: number): number => {
    let y = yearKeyCache.get(day);
    if (y === undefined) {
      y = rentYearOf(date(day));
      yearKeyCache.set(day, y);
    }
    return y;
  };

  const ctx: LandlordContext = {
    seed,
    asOf,
    asOfDay,
    historyStartDay: toDayNumber(historyStart),
    tenancyCount: total,
    patchCount,
    firstTenancyId: options.firstTenancyId ?? 1,
    firstPropertyId: options.firstPropertyId ?? 1,
    rentFreeMondays,
    rentFreeDays: new Set(rentFreeWeeks.map(toDayNumber)),
    date,
    rentYearKey,
  };
  const assignment = assignScenarios(total, new Random(mixSeed(seed, total, SALT.scenarios)));
  const patches = Array.from({ length: patchCount }, (_, i) => ({ index: i, name: patchName(i) }));

  const tenancy = (index: number): DemoTenancy => {
    if (!Number.isSafeInteger(index) || index < 0 || index >= total) throw new RangeError(`no tenancy ${index}`);
    const spec = SCENARIOS[assignment[index] as number];
    if (!spec) throw new Error(`no story for tenancy ${index}`);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const story = new Story(ctx, index, new Random(mixSeed(seed, index, SALT.story + attempt)), demoProperty(ctx, index), demoTenants(ctx, index));
      if (spec.write(story, attempt)) return { ...story.finish(spec.name), fellBack: false };
    }
    const story = new Story(ctx, index, new Random(mixSeed(seed, index, SALT.story + MAX_ATTEMPTS)), demoProperty(ctx, index), demoTenants(ctx, index));
    writeFallback(story);
    return { ...story.finish('paid_up'), fellBack: true };
  };

  return {
    asOf,
    seed,
    patches,
    rentFreeWeeks,
    historyStart,
    tenancyCount: total,
    tenancy,
    *tenancies() {
      for (let i = 0; i < total; i++) yield tenancy(i);
    },
  };
}

/** The story each tenancy was written to tell (without generating the tenancies). */
export function demoScenarioNames(options: Pick<DemoOptions, 'tenancies' | 'seed'>): string[] {
  const assignment = assignScenarios(options.tenancies, new Random(mixSeed(options.seed, options.tenancies, SALT.scenarios)));
  return Array.from(assignment, (i) => (SCENARIOS[i] as { name: string }).name);
}

function firstIndexOfPatch(patch: number, total: number, patches: number): number {
  return Math.ceil((patch * total) / patches);
}

const FLAT_STREETS = /(Court|Gardens|Place|View)$/;

/** The home of tenancy `index`: patch by position, street by position in the patch, rent by size. */
export function demoProperty(ctx: LandlordContext, index: number): PropertyInfo {
  const total = ctx.tenancyCount;
  const patchIndex = Math.min(ctx.patchCount - 1, Math.floor((index * ctx.patchCount) / total));
  const j = index - firstIndexOfPatch(patchIndex, total, ctx.patchCount);
  const street = Math.floor(j / HOMES_PER_STREET);
  const position = j % HOMES_PER_STREET;
  const rng = new Random(mixSeed(ctx.seed, index, SALT.property));
  const name = streetName(patchIndex, street);
  const isFlat = FLAT_STREETS.test(name);
  const area = patchName(patchIndex);
  const bedrooms = isFlat ? rng.weighted([[0, 10], [1, 50], [2, 35], [3, 5]] as const) : rng.weighted([[2, 30], [3, 55], [4, 15]] as const);
  const ranges: Record<number, readonly [number, number]> = isFlat
    ? { 0: [8500, 9400], 1: [8800, 10600], 2: [9600, 12000], 3: [11000, 13400] }
    : { 2: [10400, 12800], 3: [11400, 14200], 4: [13000, 15800] };
  const [lo, hi] = ranges[bedrooms] ?? [9000, 12000];
  const rentPence = rng.int(lo, hi);
  const serviceChargePence = isFlat ? (rng.chance(0.75) ? rng.int(3, 18) * 100 + rng.int(0, 99) : 0) : rng.chance(0.05) ? rng.int(200, 600) : 0;
  const address = isFlat ? `Flat ${position + 1}, ${name}, ${area}, ${DEMO_TOWN}` : `${position + 1} ${name}, ${area}, ${DEMO_TOWN}`;
  return {
    id: ctx.firstPropertyId + index,
    address,
    postcode: fictionalPostcode(patchIndex, street),
    patchIndex,
    bedrooms,
    isFlat,
    rentPence,
    serviceChargePence,
  };
}

/** The tenants of tenancy `index`: one, or two joint tenants; some with a phone number or an e-mail address. */
export function demoTenants(ctx: LandlordContext, index: number): DemoTenant[] {
  const rng = new Random(mixSeed(ctx.seed, index, SALT.people));
  const count = rng.chance(0.25) ? 2 : 1;
  const surname = fictionalSurname(rng);
  const tenants: DemoTenant[] = [];
  for (let i = 0; i < count; i++) {
    const first = fictionalFirstName(rng);
    const last = i > 0 && rng.chance(0.4) ? fictionalSurname(rng) : surname;
    const age = rng.int(19, 88);
    const dob = ctx.date(ctx.asOfDay - age * 365 - rng.int(0, 364));
    tenants.push({
      name: `${first} ${last}`,
      phone: rng.chance(age > 75 ? 0.55 : 0.8) ? fictionalPhone(rng) : null,
      email: rng.chance(age > 70 ? 0.15 : 0.5) ? fictionalEmail(rng, first, last) : null,
      dateOfBirth: dob,
      hasForwardingAddress: false,
      forwardingAddress: null,
    });
  }
  return tenants;
}
