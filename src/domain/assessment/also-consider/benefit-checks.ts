/**
 * §6 benefits: `alsoConsider` checks, in order, for current tenancies with real arrears, no breathing
 * space active and not held by §4 rules 1–2. "Monthly equivalent" is the rent's (§1).
 */
import { toDayNumber } from '../../calendar/business-date';
import { isAction } from '../events';
import type { AssessmentContext } from '../assessment-context';
import { universalCreditWeeklyEquivalentPence } from '../measures/equivalents';
import type { ActionCode, TraceFigures } from '../types';

export interface BenefitCheckResult {
  matched: boolean;
  because: string;
  figures: TraceFigures;
}

export interface BenefitCheck {
  name: string;
  action: ActionCode;
  check(ctx: AssessmentContext): BenefitCheckResult;
}

const CLAIM_CHASE_AFTER_DAYS = 28;

function actionInEpisode(ctx: AssessmentContext, action: ActionCode): boolean {
  return ctx.episodeEvents.some((e) => isAction(e, action));
}

/** chase_benefit_claim: an entry of any type `claimed` with asOf − from > 28 days, or `suspended`. */
export const chaseBenefitClaimCheck: BenefitCheck = {
  name: '§6 chase_benefit_claim',
  action: 'chase_benefit_claim',
  check(ctx): BenefitCheckResult {
    const entry = ctx.caseFile.benefits.find(
      (b) => (b.status === 'claimed' && ctx.asOfDay - toDayNumber(b.from) > CLAIM_CHASE_AFTER_DAYS) || b.status === 'suspended',
    );
    if (entry === undefined) return { matched: false, because: 'no claim waiting more than 28 days and no suspended benefit', figures: {} };
    return {
      matched: true,
      because: entry.status === 'suspended' ? `${entry.type} is suspended` : `${entry.type} claimed from ${entry.from} is still not in payment`,
      figures: { type: entry.type, status: entry.status, from: entry.from },
    };
  },
};

/** request_managed_payment: UC in_payment to the tenant, real arrears >= 2 × monthly equivalent, none requested in the episode. */
export const requestManagedPaymentCheck: BenefitCheck = {
  name: '§6 request_managed_payment',
  action: 'request_managed_payment',
  check(ctx): BenefitCheckResult {
    const toTenant = ctx.caseFile.benefits.some((b) => b.type === 'universal_credit' && b.status === 'in_payment' && b.housingCostsTo === 'tenant');
    const thresholdPence = 2 * ctx.monthlyEquivalentPence;
    const requested = actionInEpisode(ctx, 'request_managed_payment');
    const figures = { ucPaidToTenant: toTenant, realArrearsPence: ctx.realArrearsPence, thresholdPence, requestedInEpisode: requested };
    const matched = toTenant && ctx.realArrearsPence >= thresholdPence && !requested;
    return { matched, because: matched ? 'Universal Credit housing costs go to the tenant and real arrears are two months’ rent or more' : 'not applicable', figures };
  },
};

/** request_third_party_deduction: UC in_payment, real arrears >= 1 × monthly equivalent, none requested in the episode. */
export const requestThirdPartyDeductionCheck: BenefitCheck = {
  name: '§6 request_third_party_deduction',
  action: 'request_third_party_deduction',
  check(ctx): BenefitCheckResult {
    const inPayment = ctx.caseFile.benefits.some((b) => b.type === 'universal_credit' && b.status === 'in_payment');
    const thresholdPence = ctx.monthlyEquivalentPence;
    const requested = actionInEpisode(ctx, 'request_third_party_deduction');
    const figures = { ucInPayment: inPayment, realArrearsPence: ctx.realArrearsPence, thresholdPence, requestedInEpisode: requested };
    const matched = inPayment && ctx.realArrearsPence >= thresholdPence && !requested;
    return { matched, because: matched ? 'Universal Credit is in payment and real arrears are a month’s rent or more' : 'not applicable', figures };
  },
};

/** offer_dhp_support: an in_payment HB entry's weeklyPence, or UC entry's weekly equivalent, below the weekly charge. */
export const offerDhpSupportCheck: BenefitCheck = {
  name: '§6 offer_dhp_support',
  action: 'offer_dhp_support',
  check(ctx): BenefitCheckResult {
    const shortfall = ctx.caseFile.benefits.find((b) => {
      if (b.status !== 'in_payment') return false;
      if (b.type === 'housing_benefit') return (b.weeklyPence ?? 0) < ctx.weeklyChargePence;
      if (b.type === 'universal_credit') return universalCreditWeeklyEquivalentPence(b.monthlyHousingPence ?? 0) < ctx.weeklyChargePence;
      return false;
    });
    if (shortfall === undefined) return { matched: false, because: 'no benefit in payment below the rent', figures: { weeklyChargePence: ctx.weeklyChargePence } };
    const weeklyPence = shortfall.type === 'housing_benefit' ? (shortfall.weeklyPence ?? 0) : universalCreditWeeklyEquivalentPence(shortfall.monthlyHousingPence ?? 0);
    return {
      matched: true,
      because: `${shortfall.type.replace('_', ' ')} of ${weeklyPence} pence a week is below the rent of ${ctx.weeklyChargePence}`,
      figures: { type: shortfall.type, benefitWeeklyPence: weeklyPence, weeklyChargePence: ctx.weeklyChargePence },
    };
  },
};

export const BENEFIT_CHECKS: readonly BenefitCheck[] = [chaseBenefitClaimCheck, requestManagedPaymentCheck, requestThirdPartyDeductionCheck, offerDhpSupportCheck];
