import { describe, expect, it } from 'vitest';
import { LAYOUT_LOCALS, qa, renderPage } from '../../../../test/support/render-page';
import { signInPage } from './view-model';

const signedOut = { ...LAYOUT_LOCALS, actor: null, navigation: [] };

describe('sign-in page', () => {
  it('has username and password fields, the CSRF token, and posts to /sign-in', () => {
    const $ = renderPage('staff/sign-in/sign-in.njk', signInPage({ oidcEnabled: false, timeoutMinutes: 30 }), signedOut);
    const form = $(qa('sign-in-form'));
    expect(form.attr('action')).toBe('/sign-in');
    expect(form.find('input[name=username]').attr('autocomplete')).toBe('username');
    expect(form.find('input[name=password]').attr('type')).toBe('password');
    expect(form.find('input[name=_csrf]').val()).toBe('test-csrf-token');
    expect($(qa('sign-in-oidc')).length).toBe(0);
  });

  it('shows errors against the fields and keeps the username', () => {
    const $ = renderPage('staff/sign-in/sign-in.njk', signInPage({ username: 'jo', errors: { username: 'Enter a correct username and password' }, oidcEnabled: false, timeoutMinutes: 30 }), signedOut);
    expect($('.govuk-error-summary').text()).toContain('Enter a correct username and password');
    expect($('#username').val()).toBe('jo');
    expect($('#username-error').text()).toContain('Enter a correct username');
  });

  it('explains a timeout, and offers single sign-on when configured', () => {
    const $ = renderPage('staff/sign-in/sign-in.njk', signInPage({ notice: 'timeout', oidcEnabled: true, timeoutMinutes: 30 }), signedOut);
    expect($(qa('sign-in-notice')).text()).toContain('inactive for 30 minutes');
    expect($(qa('sign-in-oidc')).attr('href')).toBe('/sign-in/oidc');
  });
});
