/**
 * Validates a parsed JSON value as a case file (contracts/case-file.md, "Validation") and builds the
 * typed CaseFile. Exactly the contract's checks: the listed required fields; every date field a real
 * calendar date; every `...Pence` field and `paidEveryWeeks` an integer; the listed arrays and entry
 * objects; and only `landlord.type`, `tenancy.tenure`, `tenancy.rentFrequency` and
 * `transactions[].kind` against their lists. The first problem found is reported with its JSON path
 * (`transactions[3].amountPence`).
 */
import { isBusinessDate, type BusinessDate } from '../calendar/business-date';
import {
  LANDLORD_TYPES,
  RENT_FREQUENCIES,
  TENURES,
  TRANSACTION_KINDS,
  type BenefitEntry,
  type CaseEvent,
  type CaseFile,
  type ChargeScheduleEntry,
  type Tenancy,
  type Tenant,
  type Transaction,
} from './case-file';

export type ParseCaseFileResult = { ok: true; value: CaseFile } | { ok: false; path: string; message: string };

type JsonObject = Record<string, unknown>;

class CaseFileProblem {
  constructor(
    readonly path: string,
    readonly message: string,
  ) {}
}

function fail(path: string, message: string): never {
  throw new CaseFileProblem(path, message);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null;
}

// ---------------------------------------------------------------------------------------------
// Field readers: each returns the typed value or throws a CaseFileProblem naming the path.
// ---------------------------------------------------------------------------------------------

/**
 * An object whose fields are required (`landlord`, `tenancy`). Missing, it is read as empty, so the problem named is
 * its first required field, a path of the contract's list (`landlord.type: required: …`), not the object alone.
 */
function objectOfRequiredFields(parent: JsonObject, key: string, path: string): JsonObject {
  const value = parent[key];
  if (isMissing(value)) return {};
  if (!isObject(value)) fail(join(path, key), `expected an object, got ${describe(value)}`);
  return value;
}

function requiredDate(parent: JsonObject, key: string, path: string): BusinessDate {
  const value = parent[key];
  const at = join(path, key);
  if (isMissing(value)) fail(at, 'required: expected a date YYYY-MM-DD');
  if (!isBusinessDate(value)) fail(at, `expected a real calendar date YYYY-MM-DD, got ${describe(value)}`);
  return value;
}

function optionalDate(parent: JsonObject, key: string, path: string): BusinessDate | null {
  const value = parent[key];
  if (isMissing(value)) return null;
  if (!isBusinessDate(value)) fail(join(path, key), `expected a real calendar date YYYY-MM-DD, got ${describe(value)}`);
  return value;
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function requiredInteger(parent: JsonObject, key: string, path: string): number {
  const value = parent[key];
  const at = join(path, key);
  if (isMissing(value)) fail(at, 'required: expected an integer');
  if (!isInteger(value)) fail(at, `expected an integer, got ${describe(value)}`);
  return value;
}

function optionalInteger(parent: JsonObject, key: string, path: string): number | null {
  const value = parent[key];
  if (isMissing(value)) return null;
  if (!isInteger(value)) fail(join(path, key), `expected an integer, got ${describe(value)}`);
  return value;
}

function requiredString(parent: JsonObject, key: string, path: string, nonEmpty = false): string {
  const value = parent[key];
  const at = join(path, key);
  if (isMissing(value)) fail(at, 'required: expected a string');
  if (typeof value !== 'string') fail(at, `expected a string, got ${describe(value)}`);
  if (nonEmpty && value.trim() === '') fail(at, 'expected a non-empty string');
  return value;
}

function requiredOneOf<T extends string>(parent: JsonObject, key: string, path: string, allowed: readonly T[]): T {
  const value = parent[key];
  const at = join(path, key);
  if (isMissing(value)) fail(at, `required: expected one of ${allowed.join(', ')}`);
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(at, `expected one of ${allowed.join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}

function optionalOneOf<T extends string>(parent: JsonObject, key: string, path: string, allowed: readonly T[], fallback: T): T {
  if (isMissing(parent[key])) return fallback;
  return requiredOneOf(parent, key, path, allowed);
}

function optionalArray(parent: JsonObject, key: string, path: string): unknown[] {
  const value = parent[key];
  if (isMissing(value)) return [];
  if (!Array.isArray(value)) fail(join(path, key), `expected an array, got ${describe(value)}`);
  return value;
}

function requiredArray(parent: JsonObject, key: string, path: string): unknown[] {
  const value = parent[key];
  const at = join(path, key);
  if (isMissing(value)) fail(at, 'required: expected an array (possibly empty)');
  if (!Array.isArray(value)) fail(at, `expected an array, got ${describe(value)}`);
  return value;
}

function entryObject(value: unknown, path: string): JsonObject {
  if (!isObject(value)) fail(path, `expected an object, got ${describe(value)}`);
  return value;
}

/** Unchecked text fields: kept when a string, otherwise left out (they then match no rule). */
function text(parent: JsonObject, key: string): string | null {
  const value = parent[key];
  return typeof value === 'string' ? value : null;
}

/** Every `...Pence` field present in an entry must be an integer (the contract names them by suffix). */
function checkPenceFields(entry: JsonObject, path: string): void {
  for (const key of Object.keys(entry)) {
    if (key.endsWith('Pence')) optionalInteger(entry, key, path);
  }
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

function parseTenant(value: unknown): Tenant {
  if (!isObject(value)) return { name: null, forwardingAddress: false };
  return { name: text(value, 'name'), forwardingAddress: value['forwardingAddress'] === true };
}

function parseTenancy(root: JsonObject): Tenancy {
  const t = objectOfRequiredFields(root, 'tenancy', '');
  const path = 'tenancy';
  const ref = requiredString(t, 'ref', path, true);
  const tenure = requiredOneOf(t, 'tenure', path, TENURES);
  const startDate = requiredDate(t, 'startDate', path);
  const endDate = optionalDate(t, 'endDate', path);
  const rentFrequency = optionalOneOf(t, 'rentFrequency', path, RENT_FREQUENCIES, 'weekly');
  const tenants = optionalArray(t, 'tenants', path).map(parseTenant);
  return {
    ref,
    tenure,
    startDate,
    endDate,
    endReason: text(t, 'endReason'),
    rentFrequency,
    tenants,
    address: text(t, 'address'),
    postcode: text(t, 'postcode'),
    paymentReference: text(t, 'paymentReference'),
    patch: text(t, 'patch'),
  };
}

function parseCharge(value: unknown, path: string): ChargeScheduleEntry {
  const entry = entryObject(value, path);
  const from = requiredDate(entry, 'from', path);
  const weeklyPence = requiredInteger(entry, 'weeklyPence', path);
  checkPenceFields(entry, path);
  return { from, weeklyPence };
}

function parseTransaction(value: unknown, path: string): Transaction {
  const entry = entryObject(value, path);
  const date = requiredDate(entry, 'date', path);
  const kind = requiredOneOf(entry, 'kind', path, TRANSACTION_KINDS);
  const amountPence = requiredInteger(entry, 'amountPence', path);
  const periodFrom = optionalDate(entry, 'periodFrom', path);
  const periodTo = optionalDate(entry, 'periodTo', path);
  checkPenceFields(entry, path);
  return { date, kind, amountPence, method: text(entry, 'method'), periodFrom, periodTo, note: text(entry, 'note') };
}

export function parseBenefit(value: unknown, path: string): BenefitEntry {
  const entry = entryObject(value, path);
  const type = requiredString(entry, 'type', path);
  const status = requiredString(entry, 'status', path);
  const from = requiredDate(entry, 'from', path);
  const weeklyPence = type === 'housing_benefit' ? requiredInteger(entry, 'weeklyPence', path) : optionalInteger(entry, 'weeklyPence', path);
  const monthlyHousingPence =
    type === 'universal_credit' ? requiredInteger(entry, 'monthlyHousingPence', path) : optionalInteger(entry, 'monthlyHousingPence', path);
  const paidEveryWeeks = optionalInteger(entry, 'paidEveryWeeks', path);
  checkPenceFields(entry, path);
  const startDay = entry['assessmentPeriodStartDay'];
  return {
    type,
    status,
    from,
    weeklyPence,
    paidEveryWeeks,
    evidenceComplete: entry['evidenceComplete'] === true,
    housingCostsTo: text(entry, 'housingCostsTo'),
    monthlyHousingPence,
    assessmentPeriodStartDay: isInteger(startDay) ? startDay : null,
  };
}

function parseGrounds(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  return value.filter((g) => typeof g === 'string' || typeof g === 'number').map((g) => String(g));
}

export function parseEvent(value: unknown, path: string): CaseEvent {
  const entry = entryObject(value, path);
  const date = requiredDate(entry, 'date', path);
  const type = requiredString(entry, 'type', path);
  const evictionDate = type === 'eviction_scheduled' ? requiredDate(entry, 'evictionDate', path) : optionalDate(entry, 'evictionDate', path);
  const instalmentPence =
    type === 'arrangement' ? requiredInteger(entry, 'instalmentPence', path) : optionalInteger(entry, 'instalmentPence', path);
  const endDate = optionalDate(entry, 'endDate', path);
  const cancelledOn = optionalDate(entry, 'cancelledOn', path);
  const hearingDate = optionalDate(entry, 'hearingDate', path);
  const possessionDate = optionalDate(entry, 'possessionDate', path);
  const resolvedOn = optionalDate(entry, 'resolvedOn', path);
  const returnedOn = optionalDate(entry, 'returnedOn', path);
  checkPenceFields(entry, path);
  return {
    date,
    type,
    action: text(entry, 'action'),
    outcome: text(entry, 'outcome'),
    channel: text(entry, 'channel'),
    item: text(entry, 'item'),
    instalmentPence,
    frequency: text(entry, 'frequency'),
    endDate,
    cancelledOn,
    notice: text(entry, 'notice'),
    grounds: parseGrounds(entry['grounds']),
    hearingDate,
    order: text(entry, 'order'),
    possessionDate,
    evictionDate,
    kind: text(entry, 'kind'),
    flag: text(entry, 'flag'),
    stage: text(entry, 'stage'),
    resolvedOn,
    survivingJointTenant: entry['survivingJointTenant'] === true,
    agency: text(entry, 'agency'),
    returnedOn,
    result: text(entry, 'result'),
  };
}

function parseEntries<T>(root: JsonObject, key: string, required: boolean, parse: (value: unknown, path: string) => T): T[] {
  const list = required ? requiredArray(root, key, '') : optionalArray(root, key, '');
  return list.map((value, index) => parse(value, `${key}[${index}]`));
}

function parseRentFreeWeek(value: unknown, path: string): BusinessDate {
  if (!isBusinessDate(value)) fail(path, `expected a real calendar date YYYY-MM-DD, got ${describe(value)}`);
  return value;
}

function parseRoot(json: unknown): CaseFile {
  if (!isObject(json)) fail('', `expected a JSON object, got ${describe(json)}`);
  if (isMissing(json['version'])) fail('version', 'required: expected 1');
  if (json['version'] !== 1) fail('version', `expected 1 (the only case-file version), got ${describe(json['version'])}`);
  const asOf = requiredDate(json, 'asOf', '');
  const landlord = objectOfRequiredFields(json, 'landlord', '');
  const landlordType = requiredOneOf(landlord, 'type', 'landlord', LANDLORD_TYPES);
  const tenancy = parseTenancy(json);
  const charges = parseEntries(json, 'charges', false, parseCharge);
  const rentFreeWeeks = parseEntries(json, 'rentFreeWeeks', false, parseRentFreeWeek);
  const transactions = parseEntries(json, 'transactions', true, parseTransaction);
  const benefits = parseEntries(json, 'benefits', false, parseBenefit);
  const events = parseEntries(json, 'events', false, parseEvent);
  return { version: 1, asOf, landlord: { type: landlordType }, tenancy, charges, rentFreeWeeks, transactions, benefits, events };
}

/**
 * Runs one of the entry readers above on an entry that is already known to be well formed apart from its
 * open fields (an event's details, a benefit's): the typed entry, or null when it has a problem (the
 * caller then takes the whole file through parseCaseFile, which names it).
 */
export function parseEntryOrNull<T>(parse: (value: unknown, path: string) => T, value: unknown): T | null {
  try {
    return parse(value, '');
  } catch (error) {
    if (error instanceof CaseFileProblem) return null;
    throw error;
  }
}

/** Validates a parsed JSON value as a version 1 case file. */
export function parseCaseFile(json: unknown): ParseCaseFileResult {
  try {
    return { ok: true, value: parseRoot(json) };
  } catch (error) {
    if (error instanceof CaseFileProblem) return { ok: false, path: error.path, message: error.message };
    throw error;
  }
}
