import { describe, expect, it } from 'vitest';
import { qa, renderPage } from '../../../../test/support/render-page';

const form = (extra: object = {}) => ({
  pageTitle: 'x',
  title: 'Create a user',
  creating: true,
  values: { role: 'officer' },
  errors: {},
  errorList: [],
  roleItems: [{ value: 'officer', text: 'Income officer', checked: true }, { value: 'admin', text: 'Administrator' }],
  patchItems: [{ value: '', text: 'No patch' }, { value: '1', text: 'Northgate' }],
  formAction: '/admin/users/new',
  passwordAction: null,
  submitText: 'Create user',
  ...extra,
});

describe('admin users pages', () => {
  it('lists users with role, patch and status', () => {
    const $ = renderPage('staff/admin-users/users.njk', {
      pageTitle: 'Users',
      users: [{ username: 'jo', href: '/admin/users/1', name: 'Jo', role: 'Income officer', patch: 'Northgate', active: true, locked: true, sso: false, lastSignedIn: 'Never' }],
    });
    expect($(qa('user-row')).attr('data-username')).toBe('jo');
    expect($(qa('user-row')).text()).toContain('Locked');
    expect($(qa('new-user')).attr('href')).toBe('/admin/users/new');
  });

  it('the create form has username, name, role, patch and password; errors show on the fields', () => {
    const $ = renderPage('staff/admin-users/user-form.njk', form({ errors: { username: 'The username jo is already taken' }, errorList: [{ text: 'The username jo is already taken', href: '#username' }] }));
    for (const name of ['username', 'name', 'role', 'patch', 'password', 'alsoOfficer']) expect($(`[name=${name}]`).length, name).toBeGreaterThan(0);
    expect($('#username-error').text()).toContain('already taken');
  });

  it('the edit form has no username or password field, but an active box and a reset-password form', () => {
    const $ = renderPage('staff/admin-users/user-form.njk', form({ creating: false, title: 'Change jo', formAction: '/admin/users/1', passwordAction: '/admin/users/1/password' }));
    expect($(qa('user-form')).find('[name=username]').length).toBe(0);
    expect($(qa('user-form')).find('[name=active]').length).toBe(1);
    expect($(qa('password-form')).attr('action')).toBe('/admin/users/1/password');
  });
});
