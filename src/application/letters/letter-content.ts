import type { BusinessDate } from '../../domain/calendar/business-date';
import { formatPounds } from '../../domain/money/pence';
import type { Statement } from '../../domain/statements/statement';
import { formatLongDate } from '../../domain/statements/dates';

export const LETTER_TEMPLATES = ['send_letter_1', 'send_letter_2', 'send_final_warning', 'send_fta_letter'] as const;
export type LetterTemplate = (typeof LETTER_TEMPLATES)[number];

export function isLetterTemplate(action: string): action is LetterTemplate {
  return (LETTER_TEMPLATES as readonly string[]).includes(action);
}

/** Everything a letter shows, stored with it so the PDF can be produced again, identical, at any time. */
export interface LetterContent {
  version: 1;
  template: LetterTemplate;
  letterDate: BusinessDate;
  landlordName: string;
  tenancyRef: string;
  paymentReference: string | null;
  tenants: string[];
  address: string | null;
  officerName: string;
  figures: {
    balancePence: number;
    arrearsPence: number;
    realArrearsPence: number;
    weeklyChargePence: number;
    weeksInArrears: number | null;
  };
  /** The 13-week rent statement printed with the letter. */
  statement: Statement;
}

export const LETTER_TITLES: Record<LetterTemplate, string> = {
  send_letter_1: 'Your rent account is behind',
  send_letter_2: 'Your rent account: second reminder',
  send_final_warning: 'Final warning: your home is at risk',
  send_fta_letter: 'Money owed on your former tenancy',
};

/** The letter's body, paragraph by paragraph: plain English, figures from the content. */
export function letterParagraphs(c: LetterContent): string[] {
  const owed = formatPounds(c.figures.arrearsPence);
  const weekly = formatPounds(c.figures.weeklyChargePence);
  const help =
    'If you are finding it hard to pay, please contact us as soon as you can. We can check you are getting all the benefits you are entitled to, help you apply for a Discretionary Housing Payment, and agree an affordable way to pay what you owe. Free, independent debt advice is also available from StepChange (0800 138 1111) and Citizens Advice.';
  switch (c.template) {
    case 'send_letter_1':
      return [
        `Our records show that your rent account had arrears of ${owed} on ${formatLongDate(c.letterDate)}. Your weekly rent is ${weekly}.`,
        'This may be an oversight. Please pay the arrears, or contact us within 7 days to agree how you will pay them, as well as your weekly rent.',
        help,
        'A statement of your account for the last 13 weeks is printed below.',
      ];
    case 'send_letter_2':
      return [
        `We wrote to you recently about the arrears on your rent account. The arrears are now ${owed}. Your weekly rent is ${weekly}.`,
        'Please pay the arrears, or contact us within 7 days to agree an arrangement to pay them. If you have already made an arrangement with us, please keep to it.',
        help,
        'A statement of your account for the last 13 weeks is printed below.',
      ];
    case 'send_final_warning':
      return [
        `Despite our earlier letters, the arrears on your rent account are ${owed}. Your weekly rent is ${weekly}.`,
        'If you do not pay the arrears, or contact us within 14 days to agree how you will pay them, we may serve a notice seeking possession of your home. This is the first step in asking the court for a possession order.',
        'We do not want to take this step. Please contact us now: we will work with you to find a way to pay that you can afford.',
        help,
        'A statement of your account for the last 13 weeks is printed below.',
      ];
    case 'send_fta_letter':
      return [
        `Your tenancy with us has ended, and ${owed} is still owed on the rent account.`,
        'Please pay this amount, or contact us within 14 days to agree how you will pay it. If we do not hear from you, we may pass the debt to a collection agency.',
        help,
        'A statement of the account for the last 13 weeks is printed below.',
      ];
    default:
      return [];
  }
}
