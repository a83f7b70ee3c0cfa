/**
 * Obviously fictional people and places for the demo landlord. Surnames, streets and towns are built
 * from placeholder words ("Sampleton", "Example Road", "Testbury"); postcodes use the unused `ZZ` area;
 * phone numbers come from Ofcom's ranges reserved for drama (07700 900xxx, 01632 960xxx); e-mail
 * addresses use the reserved example.com / example.org / example.net domains.
 */
import type { Random } from './random';

export const DEMO_TOWN = 'Testbury';

/** Patch (area) names, in order: a landlord with n patches uses the first n (then numbered repeats). */
export const PATCH_AREAS: readonly string[] = [
  'Northgate',
  'Riverside',
  'Eastfield',
  'Westbrook',
  'Southmead',
  'Hillcrest',
  'Meadowbank',
  'Oakridge',
  'Brookvale',
  'Ashgrove',
  'Millbank',
  'Kingsholme',
  'Fernlea',
  'Highcliffe',
  'Larkspur',
  'Moorside',
];

export function patchName(index: number): string {
  const base = PATCH_AREAS[index % PATCH_AREAS.length] as string;
  const round = Math.floor(index / PATCH_AREAS.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}

const FIRST_NAMES: readonly string[] = [
  'Alex', 'Sam', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Jamie', 'Charlie', 'Robin',
  'Amira', 'Bethan', 'Chloe', 'Dana', 'Eve', 'Fatima', 'Grace', 'Hana', 'Isla', 'Jade',
  'Kerry', 'Leah', 'Maya', 'Nadia', 'Olivia', 'Priya', 'Rosa', 'Sofia', 'Tara', 'Zara',
  'Aaron', 'Ben', 'Callum', 'Dev', 'Ethan', 'Finn', 'George', 'Harry', 'Imran', 'Jack',
  'Kofi', 'Liam', 'Marek', 'Nathan', 'Omar', 'Pavel', 'Ravi', 'Stefan', 'Tom', 'Yusuf',
  'Ada', 'Brenda', 'Carol', 'Doreen', 'Edna', 'Frank', 'Gordon', 'Hilda', 'Ivy', 'Joan',
];

const SURNAME_STEMS: readonly string[] = [
  'Sample', 'Example', 'Demo', 'Test', 'Mock', 'Proto', 'Pattern', 'Template', 'Draft', 'Trial',
  'Fable', 'Fiction', 'Pretend', 'Specimen', 'Dummy', 'Placeholder', 'Notional', 'Sketch', 'Replica', 'Pilot',
];

const SURNAME_ENDINGS: readonly string[] = [
  'son', 'ton', 'ford', 'wood', 'field', 'well', 'by', 'worth', 'ley', 'more', 'bridge', 'hurst', 'man', 'stone', 'er',
];

const STREET_STEMS: readonly string[] = [
  'Example', 'Sample', 'Specimen', 'Template', 'Fixture', 'Prototype', 'Placeholder', 'Mockup', 'Pattern', 'Draft',
  'Pilot', 'Trial', 'Sketch', 'Outline', 'Facsimile', 'Replica', 'Testing', 'Fictional', 'Imaginary', 'Notional',
  'Pretend', 'Hypothesis', 'Scenario', 'Variable', 'Parameter', 'Invented', 'Synthetic', 'Madeup', 'Demo', 'Dummy',
];

const STREET_TYPES: readonly string[] = [
  'Road', 'Street', 'Lane', 'Close', 'Avenue', 'Way', 'Crescent', 'Gardens', 'Court', 'Drive', 'Walk', 'Place', 'Grove', 'Terrace', 'Rise', 'View',
];

/** Letters allowed in the inward part of a UK postcode (no C, I, K, M, O, V). */
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export function fictionalSurname(rng: Random): string {
  return `${rng.pick(SURNAME_STEMS)}${rng.pick(SURNAME_ENDINGS)}`;
}

export function fictionalFirstName(rng: Random): string {
  return rng.pick(FIRST_NAMES);
}

/** The name of the street number `index` of a patch (distinct within a patch for the first 480). */
export function streetName(patchIndex: number, streetIndex: number): string {
  const combos = STREET_STEMS.length * STREET_TYPES.length;
  // Walk the combinations with a stride co-prime to their count so neighbouring streets differ in both words.
  const k = (streetIndex * 37 + patchIndex * 101) % combos;
  const stem = STREET_STEMS[k % STREET_STEMS.length] as string;
  const type = STREET_TYPES[Math.floor(k / STREET_STEMS.length) % STREET_TYPES.length] as string;
  return `${stem} ${type}`;
}

/** A UK-looking postcode in the unused ZZ area: district by patch, sector and unit by street. */
export function fictionalPostcode(patchIndex: number, streetIndex: number): string {
  const district = patchIndex + 1;
  const sector = streetIndex % 10;
  const unit = Math.floor(streetIndex / 10);
  const l1 = INWARD_LETTERS[unit % INWARD_LETTERS.length] as string;
  const l2 = INWARD_LETTERS[(unit * 7 + streetIndex) % INWARD_LETTERS.length] as string;
  return `ZZ${district} ${sector}${l1}${l2}`;
}

/** A drama-reserved mobile (07700 900xxx) or landline (01632 960xxx) number. */
export function fictionalPhone(rng: Random): string {
  const n = String(rng.int(0, 999)).padStart(3, '0');
  return rng.chance(0.8) ? `07700 900${n}` : `01632 960${n}`;
}

export function fictionalEmail(rng: Random, firstName: string, surname: string): string {
  const domain = rng.pick(['example.com', 'example.org', 'example.net']);
  const local = rng.chance(0.5) ? `${firstName}.${surname}` : `${firstName.slice(0, 1)}${surname}${rng.int(1, 99)}`;
  return `${local.toLowerCase()}@${domain}`;
}

/** An address elsewhere (for a former tenant who has moved on), still in the ZZ area. */
export function fictionalForwardingAddress(rng: Random): string {
  const town = rng.pick(['Elsewhere-on-Test', 'Otherton', 'Farbury', 'Distantford', 'New Sampleton']);
  const street = `${rng.pick(STREET_STEMS)} ${rng.pick(STREET_TYPES)}`;
  const postcode = `ZZ${rng.int(90, 99)} ${rng.int(1, 9)}${rng.pick([...INWARD_LETTERS])}${rng.pick([...INWARD_LETTERS])}`;
  return `${rng.int(1, 140)} ${street}, ${town} ${postcode}`;
}
