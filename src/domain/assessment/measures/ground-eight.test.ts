import { describe, expect, it } from 'vitest';
import { day } from '../../../../test/builders/case-index';
import type { RentFrequency } from '../../case-file/case-file';
import { DEFAULT_POLICY_PARAMETERS } from '../../policy/default-policy';
import { groundEightTest } from './ground-eight';

describe('ground 8 test', () => {
  const before = DEFAULT_POLICY_PARAMETERS;
  const switched = { ...DEFAULT_POLICY_PARAMETERS, section8SwitchOverDate: '2027-05-01' };
  it.each<[string, typeof before, string, RentFrequency, number, number, boolean]>([
    ['8 weeks exactly', before, '2026-06-01', 'weekly', 80000, 0, true],
    ['a penny under 8 weeks', before, '2026-06-01', 'weekly', 79999, 0, false],
    ['UC in transit is not taken off before the switch-over', before, '2026-06-01', 'weekly', 80000, 5000, true],
    ['monthly rent: 2 × monthly equivalent (43333)', before, '2026-06-01', 'monthly', 86666, 0, true],
    ['monthly rent: a penny under', before, '2026-06-01', 'monthly', 86665, 0, false],
    ['switch-over set, served before it: old row', switched, '2027-04-30', 'weekly', 80000, 0, true],
    ['served on the switch-over date: 13 weeks', switched, '2027-05-01', 'weekly', 129999, 0, false],
    ['13 weeks', switched, '2027-05-01', 'weekly', 130000, 0, true],
    ['13 weeks less the UC part', switched, '2027-05-01', 'weekly', 135000, 5001, false],
    ['monthly rent after: 3 × monthly equivalent', switched, '2027-05-01', 'monthly', 129999, 0, true],
    ['monthly rent after: a penny under', switched, '2027-05-01', 'monthly', 129998, 0, false],
  ])('%s', (_name, policy, servedOn, rentFrequency, rentArrearsPence, ucPence, met) => {
    const test = groundEightTest(policy, day(servedOn), { rentArrearsPence, universalCreditInTransitPence: ucPence, weeklyChargePence: 10000, rentFrequency });
    expect(test.met).toBe(met);
  });
});
