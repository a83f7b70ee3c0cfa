/**
 * Service of a statutory notice: the methods an officer may record and the date of service the case
 * file stores (recovery policy §2: "the `date` of a `notice_served` is the date of service (deemed service
 * is applied when recording it)"; domain reference §1 "Service": keep proof of service — date, method,
 * officer; s128 notices may use LGA 1972 s233 methods: deliver, leave at the address, post).
 *
 * Deemed service (domain reference §1 notes; CPR 6.26 table, Interpretation Act 1978 s7 — the working day
 * count is the CPR rule [unverified for every tenancy agreement]). A business day is any day but a
 * Saturday, a Sunday or a bank holiday (CPR 6.2(b); England and Wales, src/domain/calendar/working-days.ts):
 *   hand              → the day it is handed over;
 *   left_at_property  → the day it is left, or the next business day when left on another day;
 *   first_class_post  → the second business day after posting.
 */
import { addDays, type BusinessDate } from '../calendar/business-date';
import { isWorkingDay } from '../calendar/working-days';

export const SERVICE_METHODS = ['hand', 'first_class_post', 'left_at_property'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

export const SERVICE_METHOD_LABELS: Readonly<Record<ServiceMethod, string>> = {
  hand: 'By hand to the tenant',
  first_class_post: 'First class post',
  left_at_property: 'Left at the property',
};

export function isServiceMethod(value: string): value is ServiceMethod {
  return (SERVICE_METHODS as readonly string[]).includes(value);
}

/** Monday to Friday, not a bank holiday (CPR 6.2(b)). */
export function isBusinessDay(date: BusinessDate): boolean {
  return isWorkingDay(date);
}

export function nextBusinessDayOnOrAfter(date: BusinessDate): BusinessDate {
  let d = date;
  while (!isBusinessDay(d)) d = addDays(d, 1);
  return d;
}

/** The date of service to record for a notice handed over, left or posted on `actedOn`. */
export function deemedServiceDate(actedOn: BusinessDate, method: ServiceMethod): BusinessDate {
  switch (method) {
    case 'hand':
      return actedOn;
    case 'left_at_property':
      return nextBusinessDayOnOrAfter(actedOn);
    case 'first_class_post': {
      let d = actedOn;
      for (let n = 0; n < 2; n += 1) d = nextBusinessDayOnOrAfter(addDays(d, 1));
      return d;
    }
  }
}

export interface NoticeDatesView {
  earliestProceedingsDate: BusinessDate;
  expiresOn: BusinessDate | null;
}

export type NoticeValidity = 'not_yet_valid' | 'valid' | 'expired';

/**
 * Recovery policy §2: a notice is valid on asOf when asOf >= earliest proceedings date and (expires is
 * null or asOf <= expires).
 */
export function noticeValidityOn(notice: NoticeDatesView, asOf: BusinessDate): NoticeValidity {
  if (asOf < notice.earliestProceedingsDate) return 'not_yet_valid';
  if (notice.expiresOn !== null && asOf > notice.expiresOn) return 'expired';
  return 'valid';
}
