import type { WorklistQuery } from '../../../application/caseload/worklist';
import { ARREARS_BANDS } from '../../../application/caseload/worklist';
import { ACTION_CODES } from '../../../application/decisions/decisions';
import { TENURES } from '../../../persistence/stores/tenancy-store';
import { queryString } from '../../forms';

/** The worklist's GET filter form → a query (unknown values are ignored, never an error). */
export function parseWorklistQuery(query: unknown): WorklistQuery {
  const patchRaw = queryString(query, 'patch');
  const patch: WorklistQuery['patch'] = patchRaw === 'all' ? 'all' : /^\d{1,9}$/.test(patchRaw) ? Number(patchRaw) : 'mine';
  const officerRaw = queryString(query, 'officer');
  const action = queryString(query, 'action');
  const band = queryString(query, 'band');
  const vulnerable = queryString(query, 'vulnerable');
  const tenure = queryString(query, 'tenure');
  const pageRaw = Number(queryString(query, 'page'));
  return {
    patch,
    officerId: /^\d{1,9}$/.test(officerRaw) ? Number(officerRaw) : null,
    action: ACTION_CODES.includes(action) ? action : null,
    band: band in ARREARS_BANDS ? band : null,
    vulnerable: vulnerable === 'yes' ? true : vulnerable === 'no' ? false : null,
    tenure: (TENURES as readonly string[]).includes(tenure) ? tenure : null,
    page: Number.isInteger(pageRaw) && pageRaw >= 1 && pageRaw <= 100_000 ? pageRaw : 1,
  };
}

/** The query as URL parameters (for links that keep the filters), without page unless given. */
export function worklistParams(q: WorklistQuery, changes: Partial<Record<keyof WorklistQuery, unknown>> = {}): string {
  const merged = { ...q, ...changes } as WorklistQuery;
  const params = new URLSearchParams();
  if (merged.patch !== 'mine') params.set('patch', String(merged.patch));
  if (merged.officerId !== null) params.set('officer', String(merged.officerId));
  if (merged.action) params.set('action', merged.action);
  if (merged.band) params.set('band', merged.band);
  if (merged.vulnerable !== null) params.set('vulnerable', merged.vulnerable ? 'yes' : 'no');
  if (merged.tenure) params.set('tenure', merged.tenure);
  if (merged.page > 1) params.set('page', String(merged.page));
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}

/** Only the worklist's scope (patch, officer) and a page, for the tasks due and follow-ups due pages and the links to and from them. */
export function dueListParams(q: WorklistQuery, page = 1): string {
  return worklistParams({ ...q, action: null, band: null, vulnerable: null, tenure: null, page });
}
