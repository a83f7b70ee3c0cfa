import { bacsArudd } from './bacs-arudd';
import { bankStatement } from './bank-statement';
import { genericCsv } from './generic-csv';
import { paymentCard } from './payment-card';
import type { PaymentFormat } from './payment-format';

export type { MapContext, MappedRow, PaymentFormat, SourceRow } from './payment-format';

/** Every payment file format, by the name `--format` takes. */
export const PAYMENT_FORMATS: readonly PaymentFormat[] = [genericCsv, bankStatement, paymentCard, bacsArudd];

export const DEFAULT_PAYMENT_FORMAT = genericCsv.name;

export function paymentFormat(name: string): PaymentFormat | null {
  return PAYMENT_FORMATS.find((f) => f.name === name) ?? null;
}
