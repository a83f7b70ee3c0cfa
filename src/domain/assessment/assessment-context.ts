/**
 * The measures of §1 and §2 for one case on asOf, computed once and shared by every rule, each recorded
 * in the trace with the figures it used.
 */
import { fromDayNumber, type BusinessDate } from '../calendar/business-date';
import type { CaseFile, SummarisedHistory } from '../case-file/case-file';
import type { PolicyParameters } from '../policy/policy-parameters';
import { isLiveArrangement, latest } from './events';
import { assessCompliance, instalmentFrequency, type Compliance } from './measures/arrangement-compliance';
import { findArrearsEpisode } from './measures/arrears-episode';
import { balanceOn, rentArrearsOn } from './measures/balance';
import { activeOn, breathingSpacesOf, type BreathingSpace } from './measures/breathing-space';
import { buildCaseIndex, type CaseIndex, type IndexedEvent } from './measures/case-index';
import { monthlyEquivalentPence } from './measures/equivalents';
import { findNoticeInForce, type NoticeInForce } from './measures/notice-in-force';
import type { RentalPeriods } from './measures/period-starts';
import { technicalArrears, weeksInArrearsHundredths, type TransitParts } from './measures/real-arrears';
import { housingBenefitInTransitOn } from './measures/transit-housing-benefit';
import { regularPayerInTransitOn } from './measures/transit-regular-payer';
import { universalCreditInTransitOn } from './measures/transit-universal-credit';
import { weeklyChargeOn, weeklyChargeSourceOn } from './measures/weekly-charge';
import type { Trace } from './trace';
import type { TraceFigures } from './types';

export interface ArrangementAssessed {
  event: IndexedEvent;
  compliance: Compliance;
}

export interface AssessmentContext {
  caseFile: CaseFile;
  policy: PolicyParameters;
  index: CaseIndex;
  asOf: BusinessDate;
  asOfDay: number;
  /** endDate on or before asOf (§7). */
  isFormer: boolean;
  periods: RentalPeriods;
  balancePence: number;
  arrearsPence: number;
  rentArrearsPence: number;
  weeklyChargePence: number;
  monthlyEquivalentPence: number;
  transit: TransitParts;
  technicalArrearsPence: number;
  realArrearsPence: number;
  /** weeksInArrears × 100 (2 decimals, half-up): every threshold compares this. */
  weeksHundredths: number;
  episodeStartDay: number | null;
  /** Events (of any type) dated in the episode; none with no episode. */
  episodeEvents: IndexedEvent[];
  breathingSpaces: BreathingSpace[];
  /** Active on asOf, the earliest started first. */
  activeBreathingSpaces: BreathingSpace[];
  /** The notice in force (current tenancies; null for a former tenancy). */
  notice: NoticeInForce | null;
  /** The arrangement in force (current), or §7 rule 7's arrangement (former). */
  arrangement: ArrangementAssessed | null;
  balance28DaysAgoPence: number;
}

function transitOnAsOf(index: CaseIndex, policy: PolicyParameters, trace: Trace, summarised: SummarisedHistory | undefined): TransitParts {
  const hb: TraceFigures = {};
  const uc: TraceFigures = {};
  const regular: TraceFigures = {};
  const housingBenefitPence = housingBenefitInTransitOn(index, policy, index.asOfDay, hb);
  trace.add('§1 payments in transit: Housing Benefit', housingBenefitPence > 0, `${housingBenefitPence} pence of Housing Benefit in transit`, hb);
  const universalCreditPence = universalCreditInTransitOn(index, policy, index.asOfDay, uc);
  trace.add('§1 payments in transit: Universal Credit to the landlord', universalCreditPence > 0, `${universalCreditPence} pence of Universal Credit in transit`, uc);
  const regularPayerPence = regularPayerInTransitOn(index, policy, index.asOfDay, regular);
  // Payment credits summed into opening entries still count in the figure (the same as from the whole history).
  if (summarised && typeof regular['paymentCreditsSoFar'] === 'number') regular['paymentCreditsSoFar'] += summarised.paymentCreditCount;
  trace.add('§1 payments in transit: regular payer', regularPayerPence > 0, `${regularPayerPence} pence from a regular payer in transit`, regular);
  return { housingBenefitPence, universalCreditPence, regularPayerPence, totalPence: housingBenefitPence + universalCreditPence + regularPayerPence };
}

function arrangementInForce(ctx: { episodeEvents: IndexedEvent[]; asOf: BusinessDate }): IndexedEvent | null {
  return latest(ctx.episodeEvents, (e) => isLiveArrangement(e, ctx.asOf));
}

function formerTenancyArrangement(events: readonly IndexedEvent[], endDate: BusinessDate, asOf: BusinessDate): IndexedEvent | null {
  return latest(events, (e) => e.date > endDate && isLiveArrangement(e, asOf));
}

/**
 * The trace entry that states the payments in transit on asOf (figure `inTransitPence`): what the
 * arrangement monitoring reads beside the stored result (src/application/arrangements/monitor-step.ts).
 */
export const TRANSIT_TRACE_RULE = '§1 technical and real arrears';

export function buildAssessmentContext(caseFile: CaseFile, policy: PolicyParameters, trace: Trace): AssessmentContext {
  const index = buildCaseIndex(caseFile);
  const asOfDay = index.asOfDay;
  const asOf = caseFile.asOf;
  const isFormer = caseFile.tenancy.endDate !== null && caseFile.tenancy.endDate <= asOf;

  const balancePence = balanceOn(index, asOfDay);
  const arrearsPence = Math.max(0, balancePence);
  const rentArrearsPence = rentArrearsOn(index, asOfDay);
  trace.add('§1 balance', true, `balance ${balancePence}, cash arrears ${arrearsPence}, rent arrears ${rentArrearsPence} pence`, {
    transactionsCounted: index.txDays.length + (caseFile.summarised ? caseFile.summarised.transactionCount - caseFile.summarised.openingEntryCount : 0),
    balancePence,
    arrearsPence,
    rentArrearsPence,
  });

  const weeklyChargePence = weeklyChargeOn(index, asOfDay);
  trace.add('§1 weekly charge', weeklyChargePence !== 0, `weekly charge ${weeklyChargePence} pence`, {
    weeklyChargePence,
    source: weeklyChargeSourceOn(index, asOfDay),
    monthlyEquivalentPence: monthlyEquivalentPence(weeklyChargePence),
  });

  const transit = transitOnAsOf(index, policy, trace, caseFile.summarised);
  const technicalArrearsPence = technicalArrears(arrearsPence, transit.totalPence);
  const realArrearsPence = arrearsPence - technicalArrearsPence;
  const weeksHundredths = weeksInArrearsHundredths(realArrearsPence, weeklyChargePence);
  trace.add(TRANSIT_TRACE_RULE, realArrearsPence > 0, `real arrears ${realArrearsPence} pence, ${(weeksHundredths / 100).toFixed(2)} weeks`, {
    arrearsPence,
    inTransitPence: transit.totalPence,
    technicalArrearsPence,
    realArrearsPence,
    weeklyChargePence,
    weeksInArrears: weeksHundredths / 100,
  });

  const episode = findArrearsEpisode(index, policy);
  const episodeStartDay = episode.startDay;
  trace.add(
    '§1 arrears episode',
    episodeStartDay !== null,
    episodeStartDay === null ? 'no real arrears on asOf: no episode' : `episode from ${fromDayNumber(episodeStartDay)}`,
    {
      episodeStart: episodeStartDay === null ? null : fromDayNumber(episodeStartDay),
      lastDayWithoutRealArrears: episode.lastClearDay === null ? null : fromDayNumber(episode.lastClearDay),
      daysExamined: episode.daysExamined,
    },
  );
  const episodeEvents = episodeStartDay === null ? [] : index.events.filter((e) => e.day >= episodeStartDay);

  const breathingSpaces = breathingSpacesOf(index.events);
  const activeBreathingSpaces = activeOn(breathingSpaces, asOfDay);
  const periods: RentalPeriods = { startDay: index.startDay, rentFrequency: caseFile.tenancy.rentFrequency };

  let notice: NoticeInForce | null = null;
  if (!isFormer) {
    const search = findNoticeInForce({ episodeEvents, events: index.events, breathingSpaces, periods, policy, asOfDay });
    notice = search.notice;
    trace.add('§2 notice in force', notice !== null, notice === null ? 'no notice in force' : `${notice.type} served ${fromDayNumber(notice.servedOnDay)}`, {
      type: notice?.type ?? null,
      servedOn: notice === null ? null : fromDayNumber(notice.servedOnDay),
      earliestProceedingsDate: notice === null ? null : fromDayNumber(notice.earliestDay),
      expiresOn: notice === null || notice.expiresDay === null ? null : fromDayNumber(notice.expiresDay),
      expiryMovedByBreathingSpace: notice === null ? null : notice.expiryMoves,
      valid: notice?.valid ?? null,
      voidNoticesSkipped: search.voidCount,
      spentNoticesSkipped: search.spentCount,
    });
  }

  const arrangementEvent = isFormer
    ? formerTenancyArrangement(index.events, caseFile.tenancy.endDate as BusinessDate, asOf)
    : arrangementInForce({ episodeEvents, asOf });
  const arrangement =
    arrangementEvent === null
      ? null
      : {
          event: arrangementEvent,
          compliance: assessCompliance(index, arrangementEvent.day, arrangementEvent.instalmentPence ?? 0, instalmentFrequency(arrangementEvent.frequency), transit.totalPence),
        };
  trace.add(
    isFormer ? '§7.7 arrangement after the tenancy ended' : '§1 arrangement in force',
    arrangement !== null,
    arrangement === null ? 'no arrangement' : `arrangement of ${arrangementEvent?.date}: ${arrangement.compliance.status}`,
    arrangement === null ? {} : { startedOn: arrangement.event.date, ...arrangement.compliance },
  );

  return {
    caseFile,
    policy,
    index,
    asOf,
    asOfDay,
    isFormer,
    periods,
    balancePence,
    arrearsPence,
    rentArrearsPence,
    weeklyChargePence,
    monthlyEquivalentPence: monthlyEquivalentPence(weeklyChargePence),
    transit,
    technicalArrearsPence,
    realArrearsPence,
    weeksHundredths,
    episodeStartDay,
    episodeEvents,
    breathingSpaces,
    activeBreathingSpaces,
    notice,
    arrangement,
    balance28DaysAgoPence: balanceOn(index, asOfDay - 28),
  };
}
