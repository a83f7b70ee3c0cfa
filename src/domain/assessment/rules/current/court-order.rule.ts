/**
 * §4 rule 4: the latest `court_order` dated after the latest `claim_issued` (with no claim, the latest
 * order), by kind. "Since the order" means dated on or after the order date. Terms are judged as an
 * arrangement from the order date (§1), a missing instalmentPence counting as 0. A `dismissed` order
 * ends the court stage: the assessment goes on (rule 5 cannot match then, as the order is after the
 * claim) to rule 6, with notices served before the order spent (§2).
 */
import { toDayNumber } from '../../../calendar/business-date';
import type { AssessmentContext } from '../../assessment-context';
import { latest } from '../../events';
import { pounds } from '../../format';
import { assessCompliance, instalmentFrequency, type Compliance } from '../../measures/arrangement-compliance';
import type { IndexedEvent } from '../../measures/case-index';
import type { TraceFigures } from '../../types';
import { decides, decision, goesOn, type Rule, type RuleOutcome } from '../rule';
import { applyForWarrantStep } from '../steps';

export function orderInForce(events: readonly IndexedEvent[]): IndexedEvent | null {
  const claim = latest(events, (e) => e.type === 'claim_issued');
  return latest(events, (e) => e.type === 'court_order' && (claim === null || e.day > claim.day));
}

function termsOf(ctx: AssessmentContext, order: IndexedEvent): Compliance {
  return assessCompliance(ctx.index, order.day, order.instalmentPence ?? 0, instalmentFrequency(order.frequency), ctx.transit.totalPence);
}

function termsReason(order: IndexedEvent, terms: Compliance): string {
  return `${order.order} order of ${order.date}: terms ${terms.status}, shortfall ${pounds(Math.max(0, terms.shortfallPence))} against ${pounds(terms.allowancePence)} allowed`;
}

function monitorOrder(order: IndexedEvent, why: string, figures: TraceFigures): RuleOutcome {
  return decides(decision('monitor_order', [`${order.order} order of ${order.date}: ${why}`]), `${why} → monitor_order`, figures);
}

export const courtOrderRule: Rule = {
  name: '§4.4 court order',
  evaluate(ctx) {
    const order = orderInForce(ctx.index.events);
    if (order === null) return goesOn('no court order after the latest claim');
    const warrantSince = ctx.index.events.some((e) => e.type === 'warrant_requested' && e.day >= order.day);
    const base: TraceFigures = { orderKind: order.order, orderDate: order.date, warrantRequestedSinceOrder: warrantSince };
    const withTerms = (onBroken: 'apply_for_warrant' | 'apply_to_fix_date' | 'apply_to_restore'): RuleOutcome => {
      const terms = termsOf(ctx, order);
      const figures = { ...base, ...terms };
      if (terms.status === 'kept') return monitorOrder(order, 'terms kept', figures);
      if (onBroken === 'apply_for_warrant') {
        if (warrantSince) return monitorOrder(order, 'terms broken, warrant already requested', figures);
        return decides(applyForWarrantStep(ctx, termsReason(order, terms)), 'terms broken → apply_for_warrant', figures);
      }
      return decides(decision(onBroken, [termsReason(order, terms)]), `terms broken → ${onBroken}`, figures);
    };
    switch (order.order) {
      case 'outright': {
        const possessionDate = order.possessionDate ?? order.date;
        const figures = { ...base, possessionDate, arrearsPence: ctx.arrearsPence };
        if (ctx.asOfDay < toDayNumber(possessionDate)) return monitorOrder(order, `possession date ${possessionDate} not reached`, figures);
        if (ctx.arrearsPence > 0 && !warrantSince) {
          return decides(
            applyForWarrantStep(ctx, `outright order of ${order.date}: possession date ${possessionDate} passed with ${pounds(ctx.arrearsPence)} owed`),
            'possession date passed, cash arrears, no warrant → apply_for_warrant',
            figures,
          );
        }
        return monitorOrder(order, warrantSince ? 'warrant already requested' : 'no cash arrears', figures);
      }
      case 'suspended':
        return withTerms('apply_for_warrant');
      case 'postponed':
        return withTerms('apply_to_fix_date');
      case 'adjourned_on_terms':
        return withTerms('apply_to_restore');
      case 'dismissed':
        return goesOn('claim dismissed: the court stage ended; notices served before the order are spent', base);
      default:
        return monitorOrder(order, 'no step to take on this order', base);
    }
  },
};
