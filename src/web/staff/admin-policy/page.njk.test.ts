import { describe, expect, it } from 'vitest';
import { qa, renderPage } from '../../../../test/support/render-page';

describe('admin policy page', () => {
  it('shows the version in force, the versions, and the form with its errors', () => {
    const $ = renderPage('staff/admin-policy/policy.njk', {
      pageTitle: 'Recovery policy',
      current: { version: 2, appliedBy: 'admin', appliedAt: 'x', note: 'Longer grace', json: '{"version":2}' },
      versions: [{ version: 2, appliedBy: 'admin', appliedAt: 'x', note: 'Longer grace' }],
      values: { document: '{}', note: '' },
      errors: { note: 'Enter what changed and why' },
      errorsHtml: { document: 'version: must be higher than 2' },
      errorList: [{ text: 'version: must be higher than 2', href: '#document' }],
    });
    expect($(qa('current-policy')).text()).toContain('version 2');
    expect($(qa('policy-versions')).text()).toContain('Longer grace');
    expect($('#document-error').text()).toContain('must be higher than 2');
    expect($('#note-error').text()).toContain('Enter what changed');
    const none = renderPage('staff/admin-policy/policy.njk', { pageTitle: 'x', current: null, versions: [], values: {}, errors: {}, errorsHtml: {}, errorList: [] });
    expect(none(qa('default-policy')).length).toBe(1);
  });
});
