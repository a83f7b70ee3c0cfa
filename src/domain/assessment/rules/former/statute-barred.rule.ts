/**
 * §7 rule 4, statute-barred: every debit (positive transaction), and the latest payment (credit) or
 * `acknowledgment`, dated before asOf − 72 calendar months (exactly 6 years is not barred) →
 * propose_write_off (statute_barred). With neither a payment nor an acknowledgment, only the debits count.
 */
import { addMonthsToDayNumber } from '../../../calendar/business-date';
import { latest } from '../../events';
import { dayText } from '../../format';
import { decides, decision, goesOn, type Rule } from '../rule';

const LIMITATION_MONTHS = 72;

export const statuteBarredRule: Rule = {
  name: '§7.4 statute-barred',
  evaluate(ctx) {
    const { index } = ctx;
    const cutoffDay = addMonthsToDayNumber(ctx.asOfDay, -LIMITATION_MONTHS);
    let latestDebitDay: number | null = null;
    for (let i = 0; i < index.txDays.length; i++) {
      if ((index.txAmounts[i] as number) > 0) latestDebitDay = index.txDays[i] as number;
    }
    const latestPaymentDay = index.paymentDays.length > 0 ? (index.paymentDays[index.paymentDays.length - 1] as number) : null;
    const acknowledgment = latest(index.events, (e) => e.type === 'acknowledgment');
    const lastRestartDay = Math.max(latestPaymentDay ?? -Infinity, acknowledgment?.day ?? -Infinity);
    const figures = {
      cutoffDate: dayText(cutoffDay),
      latestDebitOn: latestDebitDay === null ? null : dayText(latestDebitDay),
      latestPaymentOn: latestPaymentDay === null ? null : dayText(latestPaymentDay),
      latestAcknowledgmentOn: acknowledgment?.date ?? null,
    };
    const debitsBarred = latestDebitDay === null || latestDebitDay < cutoffDay;
    const restartBarred = lastRestartDay < cutoffDay;
    if (!debitsBarred || !restartBarred) return goesOn('a debit, payment or acknowledgment within six years', figures);
    return decides(
      decision('propose_write_off', [`every debit and the last payment or acknowledgment are before ${dayText(cutoffDay)} (six years): statute-barred`], {
        writeOffReason: 'statute_barred',
      }),
      'older than six years → propose_write_off (statute_barred)',
      figures,
    );
  },
};
