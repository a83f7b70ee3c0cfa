import { load, type CheerioAPI } from 'cheerio';
import { createNunjucksEnvironment } from '../../src/web/nunjucks';

const env = createNunjucksEnvironment();

/** The layout's locals as the app sets them for a signed-in officer. */
export const LAYOUT_LOCALS = {
  csrfToken: 'test-csrf-token',
  cspNonce: 'test-nonce',
  actor: { id: 1, username: 'officer.northgate', displayName: 'Northgate officer', role: 'officer', extraRoles: [], patchId: 1, patchName: 'Northgate' },
  navigation: [
    { text: 'Worklist', href: '/worklist', active: true },
    { text: 'Search', href: '/search', active: false },
  ],
  flash: [],
};

/** Renders a page template with the real Nunjucks environment and returns it for cheerio queries. */
export function renderPage(template: string, context: object, locals: object = LAYOUT_LOCALS): CheerioAPI {
  return load(env.render(template, { ...locals, ...context }));
}

/** `[data-qa="name"]`. */
export function qa(name: string): string {
  return `[data-qa="${name}"]`;
}
