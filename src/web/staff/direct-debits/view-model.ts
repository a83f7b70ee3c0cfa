import type { MandateView } from '../../../application/direct-debits/direct-debits';
import { formatPounds } from '../../../domain/money/pence';
import { ARUDD_CODES } from '../../../domain/direct-debits/return-codes';
import { formatLongDate } from '../../../domain/statements/dates';

const HISTORY_LABELS: Record<string, string> = { created: 'Set up', amount_changed: 'Amount changed', collection_failed: 'Collection returned', cancelled: 'Cancelled' };

function historyText(type: string, d: Record<string, unknown>): string {
  const pounds = (v: unknown) => formatPounds(Number(v));
  switch (type) {
    case 'created':
      return `${pounds(d.amountPence)}; first collection ${formatLongDate(String(d.firstCollectionOn))} (advance notice by ${formatLongDate(String(d.noticeBy))})`;
    case 'amount_changed':
      return `${pounds(d.oldAmountPence)} to ${pounds(d.newAmountPence)} from the collection on ${formatLongDate(String(d.firstCollectionOn))} (advance notice by ${formatLongDate(String(d.noticeBy))})`;
    case 'collection_failed':
      return `${pounds(d.amountPence)} returned: ARUDD ${String(d.returnCode)} ${ARUDD_CODES[String(d.returnCode)] ?? ''}${d.representOn ? `; re-presented on ${formatLongDate(String(d.representOn))}` : ''}`;
    case 'cancelled':
      return String(d.reason ?? '');
    default:
      return '';
  }
}

export function mandateRows(mandates: readonly MandateView[]) {
  return mandates.map((m) => ({
    id: m.id,
    reference: m.reference,
    payerName: m.payerName,
    sortCode: m.sortCodeMasked,
    accountNumber: m.accountNumberMasked,
    collectionDay: m.collectionDay,
    amount: formatPounds(m.amountPence),
    firstCollection: formatLongDate(m.firstCollectionOn),
    active: m.status === 'active',
    status: m.status === 'active' ? 'Active' : 'Cancelled',
    cancelled: m.cancelledOn ? `${formatLongDate(m.cancelledOn)}: ${m.cancelReason ?? ''}` : null,
    schedule: m.schedule.map((s) => ({ date: formatLongDate(s.collectionOn), amount: formatPounds(s.amountPence), noticeBy: formatLongDate(s.noticeBy) })),
    history: m.history.map((h) => ({ date: formatLongDate(h.event_on), label: HISTORY_LABELS[h.type] ?? h.type, text: historyText(h.type, h.details) })),
  }));
}
