/**
 * Which recommended actions put an account on an officer's caseload. `none` and the monitoring actions
 * (the system watches; nobody needs to act today) stay off it: the caseload holds only the accounts
 * that truly need a person.
 */
export const WATCH_ONLY_ACTIONS: readonly string[] = ['none', 'monitor', 'monitor_arrangement', 'monitor_notice', 'monitor_order'];

export function needsAPerson(action: string): boolean {
  return !WATCH_ONLY_ACTIONS.includes(action);
}
