/** The legal page's data for the template: stage, notice, checklist with evidence, PSEDs, history, forms. */
import type { LegalSituation } from '../../../application/legal/legal-case';
import type { BusinessDate } from '../../../domain/calendar/business-date';
import { PRE_ACTION_ITEMS } from '../../../domain/case-file/case-file';
import type { LegalStage } from '../../../domain/legal-case/legal-case-stages';
import { noticeValidityOn } from '../../../domain/legal-case/notice-service';
import { PRE_ACTION_ITEM_LABELS, type Evidence } from '../../../domain/legal-case/protocol-gate';
import { PSED_CONSIDERATIONS, PSED_STAGE_LABELS, type PsedStage } from '../../../domain/legal-case/psed';
import { formatLongDate } from '../../../domain/statements/dates';
import { errorList, type FieldErrors } from '../../forms';
import { eventTypeLabel, label, NOTICE_LABELS } from '../../labels';

export const STAGE_LABELS: Readonly<Record<LegalStage, string>> = {
  pre_action: 'Pre-action (no notice in force)',
  notice_served: 'Notice served',
  claim_issued: 'Claim issued',
  hearing_listed: 'Hearing listed',
  order_made: 'Possession order made',
  order_suspended: 'Suspended or postponed order',
  adjourned: 'Adjourned',
  warrant_requested: 'Warrant requested',
  eviction_scheduled: 'Eviction scheduled',
  evicted: 'Evicted',
  closed: 'Closed',
};

/** The legal and court events shown in the legal history (the court page records the court ones). */
export const LEGAL_HISTORY_TYPES: readonly string[] = [
  'pre_action', 'psed_assessment', 'notice_served', 'claim_issued', 'hearing_listed', 'court_order', 'warrant_requested',
  'eviction_scheduled', 'eviction_safeguard', 'eviction_cancelled', 'evicted', 'tenancy_ended',
];

/** Stages from which the court page has something to show or do (a claim can be or has been started). */
const COURT_STAGES: readonly LegalStage[] = ['notice_served', 'claim_issued', 'hearing_listed', 'order_made', 'order_suspended', 'adjourned', 'warrant_requested', 'eviction_scheduled', 'evicted', 'closed'];

const VALIDITY_LABELS = { not_yet_valid: 'Not yet valid', valid: 'Valid', expired: 'Expired' } as const;
const VALIDITY_TAGS = { not_yet_valid: 'govuk-tag--yellow', valid: 'govuk-tag--green', expired: 'govuk-tag--red' } as const;
const METHOD_LABELS: Record<string, string> = { hand: 'By hand', first_class_post: 'First class post', left_at_property: 'Left at the property' };

export interface EvidenceChoice {
  letters: { id: number; template: string; date: BusinessDate }[];
  contacts: { id: number; date: BusinessDate; channel: string }[];
}

export function evidenceLink(ref: string, e: Evidence | null): { text: string; href: string | null } | null {
  if (!e) return null;
  const base = `/tenancies/${encodeURIComponent(ref)}`;
  if (e.kind === 'letter') return { text: `Letter ${e.id}`, href: `${base}/letters/${encodeURIComponent(e.id)}` };
  if (e.kind === 'contact') return { text: `Contact ${e.id}`, href: `${base}/timeline` };
  if (e.kind === 'statement') return { text: `Statement of ${formatLongDate(e.id)}`, href: `${base}/statement?format=pdf&to=${encodeURIComponent(e.id)}` };
  return { text: `${e.kind} ${e.id}`, href: null };
}

export interface LegalPageInput {
  ref: string;
  situation: LegalSituation;
  canAct: boolean;
  evidence: EvidenceChoice;
  values: Record<string, string>;
  errors: FieldErrors;
  /** Reasons the last claim attempt was refused. */
  claimRefusal: string[] | null;
  defaultWarningDays: number;
}

const ERROR_IDS: Record<string, string> = { preItem: 'preItem', preDate: 'preDate-day', warningDate: 'warningDate-day', issuedOn: 'issuedOn-day', hearingDate: 'hearingDate-day' };

export function buildLegalPage(p: LegalPageInput) {
  const s = p.situation;
  const base = `/tenancies/${encodeURIComponent(p.ref)}`;
  const n = s.assessment.notice;
  const validity = n ? noticeValidityOn(n, s.asOf) : null;
  const history = s.events
    .filter((e) => LEGAL_HISTORY_TYPES.includes(e.type) || (e.type === 'approval_requested' && e.details?.action === 'apply_for_warrant'))
    .map((e) => {
      const d = e.details ?? {};
      let detail = '';
      if (e.type === 'pre_action') detail = PRE_ACTION_ITEM_LABELS[d.item as keyof typeof PRE_ACTION_ITEM_LABELS] ?? String(d.item ?? '');
      else if (e.type === 'psed_assessment') detail = `${PSED_STAGE_LABELS[d.stage as PsedStage] ?? String(d.stage ?? '')}: ${d.decision === 'do_not_proceed' ? 'do not proceed' : 'proceed'}`;
      else if (e.type === 'notice_served') detail = `${label(NOTICE_LABELS, String(d.notice ?? ''))}${d.method ? `, ${METHOD_LABELS[String(d.method)] ?? String(d.method)}` : ''}`;
      else if (e.type === 'claim_issued') detail = [d.claimNumber, d.court, d.hearingDate ? `hearing ${formatLongDate(String(d.hearingDate))}` : null].filter(Boolean).join(', ');
      else if (e.type === 'court_order') detail = [String(d.order ?? '').replace(/_/g, ' '), d.possessionDate ? `possession ${formatLongDate(String(d.possessionDate))}` : null].filter(Boolean).join(', ');
      else if (e.type === 'hearing_listed') detail = d.hearingDate ? `hearing ${formatLongDate(String(d.hearingDate))}` : '';
      else if (e.type === 'eviction_scheduled' || e.type === 'evicted') detail = d.evictionDate ? `bailiffs' date ${formatLongDate(String(d.evictionDate))}` : '';
      else if (e.type === 'eviction_safeguard') detail = String(d.item ?? '').replace(/_/g, ' ');
      else if (e.type === 'eviction_cancelled') detail = String(d.reason ?? '').replace(/_/g, ' ');
      else if (e.type === 'approval_requested') detail = 'Warrant: a manager\'s approval asked for';
      return { date: formatLongDate(e.event_date), type: eventTypeLabel(e.type), detail, by: e.recorded_by ?? '' };
    })
    .reverse();
  const psedRows = s.events
    .filter((e) => e.type === 'psed_assessment')
    .map((e) => {
      const d = e.details ?? {};
      const considered = Array.isArray(d.considered) ? (d.considered as string[]).map((c) => PSED_CONSIDERATIONS[c] ?? c).join(', ') : '';
      return {
        date: formatLongDate(e.event_date),
        stage: PSED_STAGE_LABELS[d.stage as PsedStage] ?? String(d.stage ?? ''),
        considered: considered || 'None recorded',
        adjustments: String(d.adjustments ?? ''),
        reasoning: String(d.reasoning ?? ''),
        decision: d.decision === 'do_not_proceed' ? 'Do not proceed' : 'Proceed',
        decisionMaker: String(d.decisionMakerName ?? d.decisionMaker ?? e.recorded_by ?? ''),
      };
    })
    .reverse();
  const checklist = s.claimGate.checklist.map((l) => ({
    item: l.item,
    label: l.label,
    status: l.done ? (l.required ? 'Done' : 'Not required') : 'Missing',
    tag: l.done ? (l.required ? 'govuk-tag--green' : 'govuk-tag--grey') : 'govuk-tag--red',
    doneOn: l.doneOn ? formatLongDate(l.doneOn) : '',
    evidence: evidenceLink(p.ref, l.evidence),
    note: l.note ?? '',
  }));
  return {
    ref: p.ref,
    canAct: p.canAct,
    asOf: formatLongDate(s.asOf),
    stage: { code: s.stage, label: STAGE_LABELS[s.stage] },
    nextStep: s.nextStep,
    transitions: s.transitions.map((t) => ({ event: eventTypeLabel(t.event), to: STAGE_LABELS[t.to], guard: t.guard ?? 'Always' })),
    episodeStart: s.assessment.episodeStart ? formatLongDate(s.assessment.episodeStart) : null,
    notice: n
      ? {
          type: label(NOTICE_LABELS, n.type),
          servedOn: formatLongDate(n.servedOn),
          earliest: formatLongDate(n.earliestProceedingsDate),
          expires: n.expiresOn ? formatLongDate(n.expiresOn) : 'Does not lapse',
          validity: VALIDITY_LABELS[validity!],
          validityTag: VALIDITY_TAGS[validity!],
        }
      : null,
    noticeGate: s.noticeGate,
    guardrails: s.guardrailsHolding.map((g) => g.because),
    checklist,
    gate: { open: s.claimGate.open, reasons: s.claimGate.reasons },
    claimRefusal: p.claimRefusal,
    court: COURT_STAGES.includes(s.stage)
      ? {
          href: `${base}/court`,
          claimed: s.stage !== 'notice_served',
          text: s.stage === 'notice_served' ? 'Court and eviction: the claim bundle (particulars, rent schedule, PCOL data) once the claim is issued' : 'Court and eviction: claim bundle, hearing, order, warrant and eviction',
        }
      : null,
    psedRows,
    history,
    evidence: {
      letters: p.evidence.letters.map((l) => ({ id: l.id, text: `${l.id}: ${l.template.replace(/_/g, ' ')} (${formatLongDate(l.date)})`, href: `${base}/letters/${l.id}` })),
      contacts: p.evidence.contacts.map((c) => ({ id: c.id, text: `${c.id}: ${c.channel} on ${formatLongDate(c.date)}` })),
    },
    itemOptions: PRE_ACTION_ITEMS.map((i) => ({ value: i, text: PRE_ACTION_ITEM_LABELS[i], checked: p.values.preItem === i })),
    evidenceKindOptions: [
      { value: 'letter', text: 'A letter sent from this account', checked: p.values.evidenceKind === 'letter' },
      { value: 'contact', text: 'A recorded contact', checked: p.values.evidenceKind === 'contact' },
      { value: 'statement', text: 'A rent statement (its date)', checked: p.values.evidenceKind === 'statement' },
    ],
    values: { timeLimitDays: String(p.defaultWarningDays), ...p.values },
    errors: p.errors,
    errorList: [...errorList(p.errors, ERROR_IDS), ...(p.claimRefusal ?? []).map((text) => ({ text, href: '#claim' }))],
    links: { notice: `${base}/legal/notice`, psed: `${base}/legal/psed`, preAction: `${base}/legal/pre-action`, warning: `${base}/legal/warning`, claim: `${base}/legal/claim`, record: `${base}/record/contact`, court: `${base}/court` },
  };
}
