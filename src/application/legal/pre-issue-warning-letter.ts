/**
 * The pre-issue warning: the tenant is told a possession claim will be issued and is given a clear time
 * limit to act first (Pre-Action Protocol §2.2 step 9, domain reference §2.2; recovery policy §3
 * `pre_issue_warning`, ⚙ preIssueWarningDays).
 */
import type { BusinessDate } from '../../domain/calendar/business-date';
import { formatPounds } from '../../domain/money/pence';
import { formatLongDate } from '../../domain/statements/dates';
import type { Statement } from '../../domain/statements/statement';
import { defaultSalutation, type Letter } from '../letters/letter';
import { DEFAULT_CONTACT } from '../letters/templates';

export interface PreIssueWarningContext {
  ref: string;
  tenants: string[];
  address: string | null;
  letterDate: BusinessDate;
  /** The last day the tenant has to act before a claim is issued. */
  deadline: BusinessDate;
  timeLimitDays: number;
  arrearsPence: number;
  weeklyChargePence: number;
  officerName: string;
  statement?: Statement;
}

export function buildPreIssueWarningLetter(c: PreIssueWarningContext): Letter {
  return {
    title: 'Warning: we intend to apply to the court for possession',
    date: c.letterDate,
    recipients: c.tenants,
    address: c.address,
    reference: c.ref,
    salutation: defaultSalutation(c.tenants),
    paragraphs: [
      `Your rent account is ${formatPounds(c.arrearsPence)} in arrears. The agreement you made to pay the arrears has not been kept.`,
      `Unless you contact us and make an affordable agreement, or clear the arrears, by ${formatLongDate(c.deadline)} (${c.timeLimitDays} days from the date of this letter), we intend to issue a claim for possession of your home in the county court without further warning.`,
      '## What you should do now',
      `Contact your income officer by ${formatLongDate(c.deadline)} on ${DEFAULT_CONTACT.phone} or ${DEFAULT_CONTACT.email}. Keep paying your rent of ${formatPounds(c.weeklyChargePence)} a week.`,
      'If you have claimed Housing Benefit or Universal Credit housing costs and are waiting for a decision, tell us now: we will not issue a claim while a claim with all its evidence is being decided and you pay what benefit will not cover.',
      'Free, independent advice is available from Citizens Advice, Shelter (0808 800 4444), StepChange and National Debtline. If a claim is made, you can get free legal advice through the Housing Loss Prevention Advice Service.',
      'A statement of your account for the last 13 weeks is attached.',
    ],
    figures: [
      { label: 'Arrears today', value: formatPounds(c.arrearsPence) },
      { label: 'Contact us by', value: formatLongDate(c.deadline) },
    ],
    ...(c.statement ? { statement: c.statement } : {}),
    signOff: `Yours sincerely\n${c.officerName}\nIncome Officer`,
  };
}
