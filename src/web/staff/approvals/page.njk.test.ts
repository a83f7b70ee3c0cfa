import { describe, expect, it } from 'vitest';
import { qa, renderPage } from '../../../../test/support/render-page';

const approval = (extra: object = {}) => ({
  id: 4,
  ref: 'TEN-1',
  names: 'Alice Smith',
  tenancyHref: '/tenancies/TEN-1',
  href: '/approvals/4',
  action: 'Apply for possession',
  recommended: 'Apply for possession',
  arrears: '£1,350.00',
  arrearsPence: 135000,
  requestedBy: 'Jo Officer',
  requestedAt: '23 November 2026 at 9:00am',
  requestedAtIso: '2026-11-23T09:00:00.000Z',
  note: '',
  own: false,
  pending: true,
  status: 'Pending',
  decidedBy: '',
  decidedAt: '',
  reason: '',
  ...extra,
});

describe('approvals pages', () => {
  it('lists pending requests with a decide link (not for your own), and recent decisions', () => {
    const $ = renderPage('staff/approvals/approvals.njk', {
      pageTitle: 'Approvals',
      pending: [approval(), approval({ id: 5, own: true })],
      decided: [approval({ pending: false, status: 'Approved', decidedBy: 'Manager', reason: 'Checked' })],
    });
    expect($(qa('approval-row')).length).toBe(2);
    expect($(qa('decide-link')).length).toBe(1);
    expect($(qa('approval-row')).eq(1).text()).toContain('Your request');
    expect($(qa('decided-row')).text()).toContain('Approved');
    const empty = renderPage('staff/approvals/approvals.njk', { pageTitle: 'Approvals', pending: [], decided: [] });
    expect(empty(qa('no-pending')).length).toBe(1);
  });

  it('the decision page: approve or decline with a reason; refuses your own request; shows a decided one', () => {
    const ctx = { pageTitle: 'x', approval: approval(), rows: [{ key: { text: 'Action' }, value: { text: 'Apply for possession' } }], values: {}, errors: {}, errorList: [], formAction: '/approvals/4' };
    const $ = renderPage('staff/approvals/decide.njk', ctx);
    expect($(qa('approval-form')).attr('action')).toBe('/approvals/4');
    expect($('input[name=decision]').map((_i, el) => $(el).val()).get()).toEqual(['approve', 'decline']);
    const errors = renderPage('staff/approvals/decide.njk', { ...ctx, errors: { decision: 'Select approve or decline' }, errorList: [{ text: 'Select approve or decline', href: '#decision' }] });
    expect(errors('#decision-error').text()).toContain('Select approve or decline');
    expect(renderPage('staff/approvals/decide.njk', { ...ctx, approval: approval({ own: true }) })(qa('own-request')).length).toBe(1);
    expect(renderPage('staff/approvals/decide.njk', { ...ctx, approval: approval({ pending: false }) })(qa('already-decided')).length).toBe(1);
  });
});
