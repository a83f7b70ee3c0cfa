import { addDays, type BusinessDate } from '../../domain/calendar/business-date';

/** The case events the flags and the legal stage are read from. */
export interface FlagEvent {
  id: number;
  event_date: BusinessDate;
  type: string;
  details: Record<string, unknown>;
}

/**
 * The types of the case events flags and legal stages are read from. The database indexes these events by
 * tenancy on their own (migration 0030, `case_events_flags_idx`): a type added here must be added to that index
 * by a new migration (a test in worklist-store.db.test.ts fails until it is).
 */
export const FLAG_EVENT_TYPES: readonly string[] = [
  'vulnerability',
  'vulnerability_review',
  'breathing_space',
  'dispute',
  'notice_served',
  'claim_issued',
  'court_order',
  'warrant_requested',
  'eviction_scheduled',
  'eviction_cancelled',
];

export interface BreathingSpace {
  eventId: number;
  kind: string;
  start: BusinessDate;
  /** The last day, null while open (mental health crisis without an end). */
  lastDay: BusinessDate | null;
  active: boolean;
}

export interface CaseFlags {
  vulnerabilities: { flag: string; recordedOn: BusinessDate }[];
  vulnerabilityReviewDue: boolean;
  lastVulnerabilityReview: BusinessDate | null;
  breathingSpace: BreathingSpace | null;
  breathingSpaces: BreathingSpace[];
  openDisputes: { eventId: number; openedOn: BusinessDate }[];
  legalStage: LegalStage;
}

export interface LegalStage {
  code: 'none' | 'notice_served' | 'claim_issued' | 'court_order' | 'warrant_requested' | 'eviction_scheduled';
  label: string;
  since: BusinessDate | null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

const NOTICE_SHORT: Record<string, string> = { nosp: 'NOSP', section_8: 'Section 8', section_128: 'Section 128', notice_to_quit: 'Notice to quit' };

/** The breathing space's last day (recovery policy §2): endDate, else start + 59 days (standard) or open, or the day before cancelledOn. */
export function breathingSpaceLastDay(e: FlagEvent): BusinessDate | null {
  const endDate = str(e.details.endDate);
  const cancelledOn = str(e.details.cancelledOn);
  const kind = str(e.details.kind) ?? 'standard';
  let last: BusinessDate | null = endDate ?? (kind === 'mental_health_crisis' ? null : addDays(e.event_date, 59));
  if (cancelledOn) {
    const beforeCancel = addDays(cancelledOn, -1);
    if (last === null || beforeCancel < last) last = beforeCancel;
  }
  return last;
}

/** Vulnerability, breathing space, disputes and the legal stage of one case on `today`, from its events. */
export function caseFlags(events: readonly FlagEvent[], today: BusinessDate): CaseFlags {
  const sorted = [...events].filter((e) => e.event_date <= today).sort((a, b) => (a.event_date === b.event_date ? a.id - b.id : a.event_date < b.event_date ? -1 : 1));
  const vulnerabilities: CaseFlags['vulnerabilities'] = [];
  let lastVulnerability: BusinessDate | null = null;
  let lastReview: BusinessDate | null = null;
  const breathingSpaces: BreathingSpace[] = [];
  const openDisputes: CaseFlags['openDisputes'] = [];
  let legal: LegalStage = { code: 'none', label: 'None', since: null };
  for (const e of sorted) {
    switch (e.type) {
      case 'vulnerability':
        vulnerabilities.push({ flag: str(e.details.flag) ?? 'other', recordedOn: e.event_date });
        lastVulnerability = e.event_date;
        break;
      case 'vulnerability_review':
        lastReview = e.event_date;
        break;
      case 'breathing_space': {
        const lastDay = breathingSpaceLastDay(e);
        breathingSpaces.push({
          eventId: e.id,
          kind: str(e.details.kind) ?? 'standard',
          start: e.event_date,
          lastDay,
          active: e.event_date <= today && (lastDay === null || today <= lastDay),
        });
        break;
      }
      case 'dispute': {
        const resolvedOn = str(e.details.resolvedOn);
        if (!resolvedOn || resolvedOn > today) openDisputes.push({ eventId: e.id, openedOn: e.event_date });
        break;
      }
      case 'notice_served': {
        const notice = str(e.details.notice);
        legal = { code: 'notice_served', label: `Notice served${notice ? ` (${NOTICE_SHORT[notice] ?? notice})` : ''}`, since: e.event_date };
        break;
      }
      case 'claim_issued':
        legal = { code: 'claim_issued', label: 'Claim issued', since: e.event_date };
        break;
      case 'court_order': {
        const order = str(e.details.order);
        legal = { code: 'court_order', label: `Court order${order ? `: ${order.replace(/_/g, ' ')}` : ''}`, since: e.event_date };
        break;
      }
      case 'warrant_requested':
        legal = { code: 'warrant_requested', label: 'Warrant requested', since: e.event_date };
        break;
      case 'eviction_scheduled':
        legal = { code: 'eviction_scheduled', label: `Eviction scheduled${str(e.details.evictionDate) ? ` for ${str(e.details.evictionDate)}` : ''}`, since: e.event_date };
        break;
      case 'eviction_cancelled':
        legal = { code: 'warrant_requested', label: 'Eviction cancelled', since: e.event_date };
        break;
      default:
        break;
    }
  }
  const reviewDue =
    lastVulnerability !== null && (lastReview === null || lastReview < lastVulnerability || lastReview < addDays(today, -365));
  const active = breathingSpaces.filter((b) => b.active).sort((a, b) => (a.start < b.start ? -1 : 1));
  return {
    vulnerabilities,
    vulnerabilityReviewDue: reviewDue,
    lastVulnerabilityReview: lastReview,
    breathingSpace: active[0] ?? null,
    breathingSpaces,
    openDisputes,
    legalStage: legal,
  };
}
