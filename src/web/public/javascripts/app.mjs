// Progressive enhancement only: every page works without JavaScript.
import { initAll } from './govuk-frontend.min.js';
import { initAll as initMoj } from './moj-frontend.min.js';

initAll();
initMoj();
