/** weeksInArrears thresholds are compared in hundredths of a week (the rounded 2-decimal value). */
export function toHundredths(weeks: number): number {
  return Math.round(weeks * 100);
}
