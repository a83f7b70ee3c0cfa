import { describe, expect, it } from 'vitest';
import { aBreathingSpace } from '../../../../test/builders/case-file';
import { anIndex, day } from '../../../../test/builders/case-index';
import { fromDayNumber } from '../../calendar/business-date';
import type { CaseEvent } from '../../case-file/case-file';
import { breathingSpacesOf, isActiveOn, moveExpiryForBreathingSpaces } from './breathing-space';

function spaces(events: CaseEvent[], asOf = '2027-12-31') {
  return breathingSpacesOf(anIndex({ asOf, events }).events);
}

function lastDayOf(event: CaseEvent, asOf?: string): string | null {
  const lastDay = spaces([event], asOf)[0]?.lastDay;
  return lastDay === null || lastDay === undefined ? null : fromDayNumber(lastDay);
}

describe('breathing space: last day', () => {
  it.each<[string, CaseEvent, string | null]>([
    ['standard: start + 59', aBreathingSpace('2027-02-01'), '2027-04-01'],
    ['mental health crisis: open', aBreathingSpace('2027-02-01', 'mental_health_crisis'), null],
    ['an endDate', aBreathingSpace('2027-02-01', 'mental_health_crisis', { endDate: '2027-05-10' }), '2027-05-10'],
    ['cancelled earlier: the day before', aBreathingSpace('2027-02-01', 'standard', { cancelledOn: '2027-02-20' }), '2027-02-19'],
    ['cancelled after the end: the end', aBreathingSpace('2027-02-01', 'standard', { endDate: '2027-02-10', cancelledOn: '2027-02-20' }), '2027-02-10'],
    ['an open one cancelled', aBreathingSpace('2027-02-01', 'mental_health_crisis', { cancelledOn: '2027-03-01' }), '2027-02-28'],
    ['an unknown kind is taken as standard', aBreathingSpace('2027-02-01', 'other'), '2027-04-01'],
  ])('%s', (_name, event, expected) => {
    expect(lastDayOf(event)).toBe(expected);
  });

  it('a cancellation dated after asOf is ignored', () => {
    expect(lastDayOf(aBreathingSpace('2027-02-01', 'mental_health_crisis', { cancelledOn: '2027-03-01' }), '2027-02-15')).toBeNull();
  });

  it.each([
    ['2027-01-31', false],
    ['2027-02-01', true],
    ['2027-04-01', true],
    ['2027-04-02', false],
  ])('active on %s: %s', (on, expected) => {
    const [space] = spaces([aBreathingSpace('2027-02-01')]);
    expect(space && isActiveOn(space, day(on))).toBe(expected);
  });
});

describe('expiry moved by breathing spaces', () => {
  const standard = aBreathingSpace('2027-02-01'); // to 04-01
  it.each<[string, CaseEvent[], string, string | null]>([
    ['outside any: unchanged', [standard], '2027-01-31', '2027-01-31'],
    ['on the first day: to the last day + 56', [standard], '2027-02-01', '2027-05-27'],
    ['on the last day', [standard], '2027-04-01', '2027-05-27'],
    ['the day after the last day: unchanged', [standard], '2027-04-02', '2027-04-02'],
    ['moved into another: moved again', [standard, aBreathingSpace('2027-05-20', 'standard', { endDate: '2027-06-10' })], '2027-03-01', '2027-08-05'],
    ['within an open one: null', [aBreathingSpace('2027-02-01', 'mental_health_crisis')], '2027-03-01', null],
    ['moved into an open one: null', [standard, aBreathingSpace('2027-05-01', 'mental_health_crisis')], '2027-03-01', null],
  ])('%s', (_name, events, expires, expected) => {
    const moved = moveExpiryForBreathingSpaces(spaces(events), day(expires)).expiresDay;
    expect(moved === null ? null : fromDayNumber(moved)).toBe(expected);
  });
});
