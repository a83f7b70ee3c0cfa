import { describe, expect, it } from 'vitest';
import { breathingSpaceLastDay, caseFlags, type FlagEvent } from './case-flags';

let id = 0;
const e = (event_date: string, type: string, details: Record<string, unknown> = {}): FlagEvent => ({ id: (id += 1), event_date, type, details });

describe('case flags', () => {
  it("a breathing space's last day: endDate, else 60 days (standard) or open (crisis), cut short by cancelledOn", () => {
    expect(breathingSpaceLastDay(e('2026-11-01', 'breathing_space', { kind: 'standard' }))).toBe('2026-12-30');
    expect(breathingSpaceLastDay(e('2026-11-01', 'breathing_space', { kind: 'standard', endDate: '2026-11-20' }))).toBe('2026-11-20');
    expect(breathingSpaceLastDay(e('2026-11-01', 'breathing_space', { kind: 'mental_health_crisis' }))).toBeNull();
    expect(breathingSpaceLastDay(e('2026-11-01', 'breathing_space', { kind: 'mental_health_crisis', cancelledOn: '2026-11-10' }))).toBe('2026-11-09');
  });

  it('active breathing space, open disputes, vulnerability and its review', () => {
    const f = caseFlags(
      [
        e('2026-01-01', 'vulnerability', { flag: 'bereavement' }),
        e('2026-02-01', 'vulnerability_review'),
        e('2026-10-01', 'dispute', { resolvedOn: '2026-10-05' }),
        e('2026-11-01', 'dispute'),
        e('2026-11-10', 'breathing_space', { kind: 'standard' }),
        e('2027-01-01', 'dispute'),
      ],
      '2026-11-23',
    );
    expect(f.vulnerabilities).toEqual([{ flag: 'bereavement', recordedOn: '2026-01-01' }]);
    expect(f.vulnerabilityReviewDue).toBe(false);
    expect(f.openDisputes.map((d) => d.openedOn)).toEqual(['2026-11-01']);
    expect(f.breathingSpace).toMatchObject({ kind: 'standard', start: '2026-11-10', lastDay: '2027-01-08', active: true });
    expect(caseFlags([e('2025-01-01', 'vulnerability'), e('2025-02-01', 'vulnerability_review')], '2026-11-23').vulnerabilityReviewDue).toBe(true);
    expect(caseFlags([e('2026-11-10', 'breathing_space', { endDate: '2026-11-20' })], '2026-11-23').breathingSpace).toBeNull();
  });

  it('the legal stage is the latest legal event', () => {
    expect(caseFlags([], '2026-11-23').legalStage).toEqual({ code: 'none', label: 'None', since: null });
    const stage = caseFlags(
      [e('2026-09-01', 'notice_served', { notice: 'section_8' }), e('2026-10-01', 'claim_issued'), e('2026-11-01', 'court_order', { order: 'suspended' })],
      '2026-11-23',
    ).legalStage;
    expect(stage).toEqual({ code: 'court_order', label: 'Court order: suspended', since: '2026-11-01' });
  });
});
