import { addDays, type BusinessDate } from '../calendar/business-date';
import type { CollectionDay } from './collection-schedule';
import { BACS_LEAD_WORKING_DAYS, collectionDates } from './collection-schedule';
import { addWorkingDays } from '../calendar/working-days';

/** ARUDD return codes (Bacs). The import records them as the reversal's reason `ARUDD <code>: <words>`. */
export const ARUDD_CODES: Readonly<Record<string, string>> = {
  '0': 'Refer to payer',
  '1': 'Instruction cancelled',
  '2': 'Payer deceased',
  '3': 'Account transferred',
  '4': 'Advance notice disputed',
  '5': 'No account',
  '6': 'No instruction',
  '7': 'Amount differs',
  '8': 'Amount not yet due',
  '9': 'Presentation overdue',
  A: 'Service user differs',
  B: 'Account closed',
};

/** Codes after which the instruction no longer exists: the mandate is marked cancelled. */
export const CANCELLING_ARUDD_CODES: readonly string[] = ['1', '2', '3', '5', '6', 'B'];

/** The return code from a reversal reason written by the bacs-arudd import (`ARUDD 0: Refer to payer`), or null. */
export function aruddCodeOf(reason: string | null): string | null {
  const m = /^ARUDD ([0-9A-Za-z]+)/.exec(reason ?? '');
  return m ? m[1]!.toUpperCase() : null;
}

export type FailureAction =
  | { kind: 're_present'; representOn: BusinessDate }
  | { kind: 'contact'; cancelMandate: boolean };

/**
 * What to do with a returned collection. Code 0 (refer to payer) is re-presented ONCE: on the mandate's
 * next collection day at least the Bacs lead time (3 working days) after the return; a code 0 on a
 * collection that was itself a re-presentation, and every other code, becomes a contact task; the
 * cancelling codes also cancel the mandate.
 */
export function failureAction(code: string, returnedOn: BusinessDate, collectionDay: CollectionDay, alreadyRepresented: boolean): FailureAction {
  if (code === '0' && !alreadyRepresented) {
    const representOn = collectionDates(collectionDay, addWorkingDays(returnedOn, BACS_LEAD_WORKING_DAYS), 1)[0]!;
    return { kind: 're_present', representOn };
  }
  return { kind: 'contact', cancelMandate: CANCELLING_ARUDD_CODES.includes(code) };
}

/** ADDACS reason codes this landlord acts on: every one cancels the instruction. */
export const ADDACS_CODES: Readonly<Record<string, string>> = {
  '0': 'Instruction cancelled - refer to payer',
  '1': 'Instruction cancelled by payer',
  '2': 'Payer deceased',
  '3': 'Account transferred',
  B: 'Account closed',
  C: 'Account transferred to another bank',
  D: 'Advance notice disputed',
};

/**
 * A return reported more than this many days before the run is recorded (failure, mandate history, case
 * event, cancellation by its code) but raises no task and is not re-presented: the chance to act on it has
 * passed, and a landlord's first run over years of history must not flood the worklist with old returns.
 */
export const RETURN_ACTION_WINDOW_DAYS = 28;

export function isReturnTooOldToAct(returnedOn: BusinessDate, asOf: BusinessDate): boolean {
  return returnedOn < addDays(asOf, -RETURN_ACTION_WINDOW_DAYS);
}
