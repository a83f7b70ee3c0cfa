import type { BusinessDate } from '../../domain/calendar/business-date';
import { maxDate } from '../../domain/calendar/business-date';
import type { PaymentMethod } from '../../domain/imports/parse-payment-row';
import { ledgerEntryForPayment, PAYMENT_METHODS } from '../../domain/imports/parse-payment-row';
import type { Db } from '../../persistence/database';
import type { SuspenseItemRow } from '../../persistence/stores/import-store';
import { listSuspenseItems, lockPaymentImports, lockSuspenseItem, markSuspenseItemAllocated } from '../../persistence/stores/import-store';
import { appendLedgerTransactions } from '../../persistence/stores/ledger-store';
import { reassessTenancies } from '../assessment/reassess';

/** An allocation that cannot be made (unknown item or account, already allocated): the CLI exits 2. */
export class SuspenseAllocationRefused extends Error {
  override name = 'SuspenseAllocationRefused';
}

export interface SuspenseItem {
  id: number;
  transactionId: string;
  date: BusinessDate;
  reference: string | null;
  /** As written in the payment file: a payment positive, a return negative. */
  amountPence: number;
  method: string | null;
  description: string | null;
  status: 'open' | 'allocated';
  allocatedTo: string | null;
  importFileId: number | null;
  row: number | null;
}

function toItem(r: SuspenseItemRow): SuspenseItem {
  return {
    id: r.id,
    transactionId: r.provider_transaction_id,
    date: r.business_date,
    reference: r.reference,
    amountPence: r.amount_pence,
    method: r.method,
    description: r.description,
    status: r.status,
    allocatedTo: r.allocated_tenancy_ref,
    importFileId: r.import_file_id,
    row: r.row_number,
  };
}

/** The payments held in suspense (open ones; with `includeAllocated`, all of them). */
export async function listSuspense(db: Db, options: { includeAllocated?: boolean } = {}): Promise<SuspenseItem[]> {
  return (await listSuspenseItems(db, options)).map(toItem);
}

export interface SuspenseAllocation {
  suspenseId: number;
  tenancyRef: string;
  ledgerTransactionId: number;
  kind: string;
  /** The ledger amount posted (a payment is negative: a credit). */
  ledgerAmountPence: number;
}

/**
 * Allocates a payment held in suspense to an account (named by its tenancy ref, or else its payment
 * reference): posts it with idempotency key `s:<suspense id>` as the import would have, marks the item
 * allocated, and re-assesses the account. An item already allocated is refused.
 */
export async function allocateSuspenseItem(
  db: Db,
  request: { suspenseId: number; to: string; today: BusinessDate; allocatedBy?: string | null },
): Promise<SuspenseAllocation> {
  const allocation = await db.transaction(async (tx) => {
    await lockPaymentImports(tx);
    const item = await lockSuspenseItem(tx, request.suspenseId);
    if (!item) throw new SuspenseAllocationRefused(`there is no suspense item ${request.suspenseId}`);
    if (item.status !== 'open') {
      throw new SuspenseAllocationRefused(`suspense item ${item.id} is already allocated${item.allocated_tenancy_ref ? ` to ${item.allocated_tenancy_ref}` : ''}`);
    }
    const [tenancy] = await tx.query<{ id: number; ref: string }>(
      `SELECT id, ref FROM (SELECT id, ref, 0 AS preference FROM tenancies WHERE ref = $1
       UNION ALL SELECT id, ref, 1 FROM tenancies WHERE payment_reference = $1) AS t ORDER BY preference LIMIT 1`,
      [request.to],
    );
    if (!tenancy) throw new SuspenseAllocationRefused(`there is no tenancy ${request.to}`);
    const method = (PAYMENT_METHODS as readonly string[]).includes(item.method ?? '') ? (item.method as PaymentMethod) : 'bank_transfer';
    const entry = ledgerEntryForPayment({ amountPence: item.amount_pence, method });
    const [posted] = await appendLedgerTransactions(tx, [
      {
        tenancyId: tenancy.id,
        businessDate: item.business_date,
        kind: entry.kind,
        method: item.method,
        amountPence: entry.amountPence,
        note: item.description,
        idempotencyKey: `s:${item.id}`,
        reason: entry.kind === 'reversal' ? `returned payment${item.description ? `: ${item.description}` : ''}` : null,
        source: 'suspense_allocation',
        importFileId: item.import_file_id,
        providerTransactionId: item.provider_transaction_id,
        recordedBy: request.allocatedBy ?? null,
      },
    ]);
    if (!posted) throw new SuspenseAllocationRefused(`suspense item ${item.id} was already posted`);
    await markSuspenseItemAllocated(tx, item.id, { tenancyId: tenancy.id, ledgerTransactionId: posted.id, allocatedBy: request.allocatedBy ?? null });
    return { suspenseId: item.id, tenancyRef: tenancy.ref, tenancyId: tenancy.id, ledgerTransactionId: posted.id, kind: entry.kind, ledgerAmountPence: entry.amountPence, date: item.business_date };
  });
  await reassessTenancies(db, [allocation.tenancyId], maxDate(request.today, allocation.date), 'payment');
  return {
    suspenseId: allocation.suspenseId,
    tenancyRef: allocation.tenancyRef,
    ledgerTransactionId: allocation.ledgerTransactionId,
    kind: allocation.kind,
    ledgerAmountPence: allocation.ledgerAmountPence,
  };
}
