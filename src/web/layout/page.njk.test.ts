import { describe, expect, it } from 'vitest';
import { LAYOUT_LOCALS, qa, renderPage } from '../../../test/support/render-page';

describe('layout and error pages', () => {
  it('uses the GOV.UK template: skip link, header, service navigation, phase banner, footer; sign-out is a POST form with the CSRF token', () => {
    const $ = renderPage('layout/error.njk', { status: 404, title: 'Page not found' });
    expect($('html').attr('lang')).toBe('en-GB');
    expect($('.govuk-skip-link').attr('href')).toBe('#main-content');
    expect($('.govuk-generic-header').text()).toContain('Rentwise');
    expect($('.govuk-service-navigation__link').first().text().trim()).toBe('Rent income');
    expect($('.govuk-phase-banner').text()).toContain('Beta');
    expect($(qa('footer')).length).toBe(1);
    expect($(qa('sign-out-form')).attr('method')).toBe('post');
    expect($(qa('sign-out-form')).find('input[name=_csrf]').val()).toBe('test-csrf-token');
    expect($('script:not([src])').attr('nonce')).toBe('test-nonce');
    expect($('link[rel=stylesheet]').map((_i, el) => $(el).attr('href')).get()).toEqual([
      '/assets/stylesheets/govuk-frontend.min.css',
      '/assets/stylesheets/moj-frontend.min.css',
      '/assets/stylesheets/app.css',
    ]);
  });

  it('shows no navigation or sign-out when signed out', () => {
    const $ = renderPage('layout/error.njk', { status: 404, title: 'Page not found' }, { ...LAYOUT_LOCALS, actor: null, navigation: [] });
    expect($(qa('sign-out')).length).toBe(0);
    expect($('.govuk-service-navigation__item').length).toBe(0);
  });

  it('renders 404, 403 (with the CSRF wording) and 500 pages', () => {
    expect(renderPage('layout/error.njk', { status: 404, title: 'Page not found' })(qa('error-title')).text()).toBe('Page not found');
    const forbidden = renderPage('layout/error.njk', { status: 403, title: 'You do not have permission', message: 'Not your patch' });
    expect(forbidden('main').text()).toContain('Not your patch');
    const csrf = renderPage('layout/error.njk', { status: 403, title: 'x', csrf: true });
    expect(csrf(qa('error-csrf')).text()).toContain('Nothing was changed');
    const error = renderPage('layout/error.njk', { status: 500, title: 'Sorry, there is a problem with the service' });
    expect(error('main').text()).toContain('Try again later');
  });

  it('shows flash messages as notification banners and the error summary with links to fields', () => {
    const $ = renderPage('layout/error.njk', { status: 400, title: 'x', errorList: [{ text: 'Enter a note', href: '#note' }] }, { ...LAYOUT_LOCALS, flash: [{ type: 'success', title: 'Saved <b>', text: 'More' }] });
    expect($(qa('flash')).text()).toContain('Saved <b>');
    expect($(qa('flash')).find('b').length).toBe(0);
    expect($('.govuk-error-summary a').attr('href')).toBe('#note');
    expect($('title').text()).toMatch(/^Error: /);
  });
});
