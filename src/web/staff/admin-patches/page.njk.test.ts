import { describe, expect, it } from 'vitest';
import { qa, renderPage } from '../../../../test/support/render-page';

describe('admin patches page', () => {
  it('lists patches with a rename form each, and an add form with errors', () => {
    const $ = renderPage('staff/admin-patches/patches.njk', {
      pageTitle: 'Patches',
      patches: [{ id: 1, name: 'Northgate', tenancies: 4, officers: 'Jo' }],
      values: { name: 'Northgate' },
      errors: { name: 'There is already a patch called Northgate' },
      errorList: [{ text: 'There is already a patch called Northgate', href: '#name' }],
    });
    expect($(qa('patch-row')).text()).toContain('Northgate');
    expect($('form[action="/admin/patches/1"] input[name=name]').val()).toBe('Northgate');
    expect($('#name-error').text()).toContain('already a patch');
  });
});
