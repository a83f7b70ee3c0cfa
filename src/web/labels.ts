/**
 * The words the pages use for the codes the system stores (action codes, event types, channels…).
 * One place, so a page never shows `send_letter_1` to a person.
 */

export const ACTION_LABELS: Record<string, string> = {
  none: 'No action',
  monitor: 'Monitor',
  send_letter_1: 'Send letter 1',
  send_letter_2: 'Send letter 2',
  home_visit: 'Home visit',
  send_final_warning: 'Send final warning',
  complete_pre_action: 'Complete pre-action steps',
  serve_notice: 'Serve notice',
  monitor_notice: 'Monitor notice',
  apply_for_possession: 'Apply for possession',
  prepare_hearing: 'Prepare for hearing',
  monitor_order: 'Monitor court order',
  apply_for_warrant: 'Apply for warrant',
  apply_to_fix_date: 'Apply to fix a date',
  apply_to_restore: 'Apply to restore',
  prepare_eviction: 'Prepare eviction',
  cancel_eviction: 'Cancel eviction',
  monitor_arrangement: 'Monitor arrangement',
  review_arrangement: 'Review arrangement',
  review_vulnerability: 'Review vulnerability',
  chase_benefit_claim: 'Chase benefit claim',
  request_managed_payment: 'Request managed payment',
  request_third_party_deduction: 'Request third-party deduction',
  request_hb_direct_payment: 'Request Housing Benefit direct payment',
  offer_dhp_support: 'Offer Discretionary Housing Payment support',
  resolve_dispute: 'Resolve dispute',
  hold: 'Hold',
  send_fta_letter: 'Send former tenant arrears letter',
  trace_referral: 'Refer for tracing',
  debt_agency_referral: 'Refer to debt collection agency',
  propose_write_off: 'Propose write-off',
  refund_credit: 'Refund credit',
};

export function actionLabel(code: string | null | undefined): string {
  if (!code) return '';
  return ACTION_LABELS[code] ?? humanise(code);
}

export const EVENT_TYPE_LABELS: Record<string, string> = {
  action: 'Action',
  benefit_recorded: 'Benefit recorded', benefit_updated: 'Benefit updated', benefit_ended: 'Benefit ended',
  contact: 'Contact',
  note: 'Note',
  follow_up: 'Follow-up',
  follow_up_done: 'Follow-up done',
  pre_action: 'Pre-action step',
  arrangement: 'Arrangement',
  income_expenditure: 'Income and expenditure',
  arrangement_cancelled: 'Arrangement cancelled',
  arrangement_renegotiated: 'Arrangement renegotiated',
  dd_mandate_set_up: 'Direct debit set up',
  dd_collection_failed: 'Direct debit collection failed',
  dd_mandate_cancelled: 'Direct debit cancelled',
  rent_change_notified: 'Notice of variation (rent change)',
  task_created: 'Task raised',
  task_done: 'Task done',
  task_cancelled: 'Task cancelled',
  notice_served: 'Notice served',
  claim_issued: 'Claim issued',
  court_order: 'Court order',
  warrant_requested: 'Warrant requested',
  eviction_scheduled: 'Eviction scheduled',
  eviction_cancelled: 'Eviction cancelled',
  hearing_listed: 'Hearing date recorded', eviction_safeguard: 'Eviction safeguard done', evicted: 'Evicted', tenancy_ended: 'Tenancy ended',
  breathing_space: 'Breathing space',
  vulnerability: 'Vulnerability',
  vulnerability_review: 'Vulnerability review',
  psed_assessment: 'Equality assessment',
  dispute: 'Dispute',
  tenant_deceased: 'Tenant deceased',
  insolvency: 'Insolvency',
  acknowledgment: 'Acknowledgment of debt',
  agency_referral: 'Agency referral',
  forwarding_address: 'Forwarding address',
  recommendation_override: 'Recommendation overridden',
  recommendation_rejected: 'Recommendation rejected',
  approval_requested: 'Approval requested',
  approval_declined: 'Approval declined',
  approval_granted: 'Approval granted',
  payment: 'Payment',
  letter: 'Letter',
};

export function eventTypeLabel(type: string): string {
  return EVENT_TYPE_LABELS[type] ?? humanise(type);
}

/** Timeline filter groups: what an officer thinks of, not the stored types. */
export const TIMELINE_GROUPS: Record<string, { label: string; types: readonly string[] }> = {
  contact: { label: 'Contacts', types: ['contact'] },
  note: { label: 'Notes and follow-ups', types: ['note', 'follow_up', 'follow_up_done'] },
  letter: { label: 'Letters', types: ['letter'] },
  action: {
    label: 'Actions and decisions',
    types: ['action', 'recommendation_override', 'recommendation_rejected', 'approval_requested', 'approval_declined', 'approval_granted', 'pre_action', 'arrangement', 'agency_referral', 'acknowledgment'],
  },
  payment: { label: 'Payments', types: ['payment'] },
  money: {
    label: 'Income, arrangements, benefits and direct debits',
    types: ['income_expenditure', 'arrangement_cancelled', 'arrangement_renegotiated', 'benefit_recorded', 'benefit_updated', 'benefit_ended', 'dd_mandate_set_up', 'dd_collection_failed', 'dd_mandate_cancelled', 'rent_change_notified'],
  },
  task: { label: 'Tasks', types: ['task_created', 'task_done', 'task_cancelled'] },
  legal: { label: 'Legal', types: ['notice_served', 'claim_issued', 'hearing_listed', 'court_order', 'warrant_requested', 'eviction_scheduled', 'eviction_safeguard', 'eviction_cancelled', 'evicted', 'tenancy_ended', 'psed_assessment'] },
  support: {
    label: 'Vulnerability, breathing space and disputes',
    types: ['vulnerability', 'vulnerability_review', 'breathing_space', 'dispute', 'tenant_deceased', 'insolvency', 'forwarding_address'],
  },
};

export const CHANNEL_LABELS: Record<string, string> = { phone: 'Phone', email: 'Email', sms: 'Text message', letter: 'Letter', visit: 'Visit', portal: 'Portal' };
export const OUTCOME_LABELS: Record<string, string> = { spoke: 'Spoke to tenant', no_answer: 'No answer', message_left: 'Message left', visited_no_access: 'Visited, no access' };
export const VULNERABILITY_LABELS: Record<string, string> = {
  mental_health: 'Mental health',
  physical_disability: 'Physical disability',
  learning_disability: 'Learning disability',
  domestic_abuse: 'Domestic abuse',
  care_leaver: 'Care leaver',
  bereavement: 'Bereavement',
  other: 'Other',
};
export const BREATHING_SPACE_LABELS: Record<string, string> = { standard: 'Standard', mental_health_crisis: 'Mental health crisis' };
export const REJECTION_REASONS: Record<string, string> = {
  payment_promised: 'Tenant has promised a payment',
  payment_in_transit: 'A payment or benefit is on its way',
  benefit_claim: 'A benefit claim is being dealt with',
  vulnerability: 'Vulnerability or support needs',
  data_error: 'The account or data is wrong',
  already_done: 'Already done outside the system',
  other: 'Another reason',
};
export const TENURE_LABELS: Record<string, string> = {
  secure: 'Secure',
  introductory: 'Introductory',
  flexible: 'Flexible',
  assured: 'Assured',
  starter: 'Starter',
  licence: 'Licence',
  non_secure: 'Non-secure',
};
export const ROLE_LABELS: Record<string, string> = {
  officer: 'Income officer',
  senior_officer: 'Senior income officer',
  manager: 'Income manager',
  admin: 'Administrator',
};
export const SUB_ACCOUNT_LABELS: Record<string, string> = {
  rent: 'Rent',
  service_charge: 'Service charge',
  garage: 'Garage',
  court_costs: 'Court costs',
  rechargeable_repairs: 'Rechargeable repairs',
  sundry_debt: 'Sundry debt',
  hb_overpayment: 'Housing Benefit overpayment',
  former_tenant_arrears: 'Former tenant arrears',
};
export const TRANSACTION_KIND_LABELS: Record<string, string> = {
  charge: 'Charge',
  payment: 'Payment',
  benefit: 'Benefit',
  adjustment: 'Adjustment',
  reversal: 'Reversal',
  court_costs: 'Court costs',
  write_off: 'Write-off',
  refund: 'Refund',
};
export const NOTICE_LABELS: Record<string, string> = {
  nosp: 'Notice of seeking possession',
  section_8: 'Section 8 notice',
  section_128: 'Section 128 notice',
  notice_to_quit: 'Notice to quit',
};
export const BENEFIT_LABELS: Record<string, string> = {
  housing_benefit: 'Housing Benefit',
  universal_credit: 'Universal Credit',
  discretionary_housing_payment: 'Discretionary Housing Payment',
};
export const BLOCKING_LABELS: Record<string, string> = {
  breathing_space: 'Breathing space',
  benefit_claim_pending: 'Benefit claim pending',
  vulnerability_review_due: 'Vulnerability review due',
  dispute_open: 'Dispute open',
  tenant_deceased: 'Tenant deceased',
  insolvency: 'Insolvency',
};

export function label(table: Record<string, string>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '';
  return table[code] ?? humanise(code);
}

/** `send_letter_1` → `Send letter 1`. */
export function humanise(code: string): string {
  const words = code.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
