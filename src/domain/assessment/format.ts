/** Wording helpers for reasons and trace details (reasons are for people: figures and dates). */
import { fromDayNumber } from '../calendar/business-date';
import { formatPounds } from '../money/pence';

export function pounds(pence: number): string {
  return formatPounds(pence);
}

export function weeksText(hundredths: number): string {
  return (hundredths / 100).toFixed(2);
}

export function dayText(day: number): string {
  return fromDayNumber(day);
}

export function daysAgoText(asOfDay: number, day: number): string {
  const days = asOfDay - day;
  return days === 1 ? '1 day ago' : `${days} days ago`;
}
