import type { BusinessDate } from '../../domain/calendar/business-date';
import { addDays } from '../../domain/calendar/business-date';
import { formatPounds } from '../../domain/money/pence';
import type { Pence } from '../../domain/money/pence';
import { formatLongDate } from '../../domain/statements/dates';
import type { Statement } from '../../domain/statements/statement';
import { LANDLORD_NAME } from '../statements/render/format';
import type { Letter } from './letter';
import { defaultSalutation } from './letter';

/** The recovery steps that are letters (recovery policy §4 rule 9, the ladder). */
export type LetterAction = 'send_letter_1' | 'send_letter_2' | 'send_final_warning';
export const LETTER_ACTIONS: readonly LetterAction[] = ['send_letter_1', 'send_letter_2', 'send_final_warning'];

export function isLetterAction(action: string): action is LetterAction {
  return (LETTER_ACTIONS as readonly string[]).includes(action);
}

export type NoticeType = 'nosp' | 'section_8' | 'section_128' | 'notice_to_quit';

export interface LetterContext {
  /** The date of the letter. */
  date: BusinessDate;
  tenancyRef: string;
  paymentReference?: string | null;
  /** Every tenant's name, in order. */
  tenants: readonly string[];
  address: string | null;
  /** Cash arrears on the date of the letter (positive pence). */
  arrearsPence: Pence;
  /** The weekly rent and charges. */
  weeklyChargePence: Pence;
  /** The 13-week statement sent with the letter (Pre-Action Protocol para 2.2 step 3). */
  statement?: Statement | null;
  /** Days the tenant has to pay or get in touch: default 7 for the letters, 14 for the final warning. */
  replyWithinDays?: number;
  /** The notice the final warning warns of (recovery policy §2 by tenure); default `nosp`. */
  noticeType?: NoticeType;
  /** The date of the last letter sent, when known (letter 2 and the final warning refer to it). */
  previousLetterDate?: BusinessDate | null;
  officerName?: string | null;
  contact?: { phone: string; email: string };
}

export const DEFAULT_CONTACT = { phone: '0300 000 0000', email: 'rent@rentwise.example' } as const;

const NOTICE_WORDING: Record<NoticeType, { name: string; explained: string }> = {
  nosp: {
    name: 'a Notice of Seeking Possession',
    explained:
      'A Notice of Seeking Possession is the first legal step towards asking the court to end your tenancy. When the notice period ends (at least four weeks after it is served), we could apply to the court for a possession order, which could mean you lose your home.',
  },
  section_8: {
    name: 'a notice seeking possession under section 8 of the Housing Act 1988',
    explained:
      'A section 8 notice is the first legal step towards asking the court to end your tenancy. Once the notice period has passed we could apply to the court for a possession order, which could mean you lose your home.',
  },
  section_128: {
    name: 'a notice of proceedings for possession under section 128 of the Housing Act 1996',
    explained:
      'This notice is the first legal step towards ending your introductory tenancy. You have the right to ask us to review the decision, but once the notice period has passed we could apply to the court for a possession order, which could mean you lose your home.',
  },
  notice_to_quit: {
    name: 'a notice to quit',
    explained: 'A notice to quit ends your right to live in the property when it runs out. We could then apply to the court for a possession order, which could mean you lose your home.',
  },
};

function figures(action: LetterAction, c: LetterContext, replyBy: BusinessDate): { label: string; value: string }[] {
  const rows = [
    { label: 'Amount you owe', value: formatPounds(c.arrearsPence) },
    { label: 'Weekly rent and charges', value: formatPounds(c.weeklyChargePence) },
  ];
  if (c.paymentReference) rows.push({ label: 'Your payment reference', value: c.paymentReference });
  rows.push({ label: action === 'send_final_warning' ? 'Pay or contact us by' : 'Please contact us by', value: formatLongDate(replyBy) });
  return rows;
}

/** The help every arrears letter offers: affordability, benefits, free advice (Pre-Action Protocol para 2.2 steps 2, 5 and 7). */
function helpParagraphs(): string[] {
  return [
    '## Help we can give you',
    'We can go through your income and spending with you (an income and expenditure statement) to work out an amount you can afford to pay towards the arrears, on top of your rent. You can do this with us over the phone, in person, or with an adviser.',
    'If your income has gone down or your circumstances have changed, you may be able to get help with your rent through Housing Benefit or the housing element of Universal Credit, or a Discretionary Housing Payment from the council. We can help you check what you can claim and help you make a claim.',
    'You can get free, confidential and independent debt advice from StepChange (stepchange.org), Citizens Advice (citizensadvice.org.uk) or National Debtline (nationaldebtline.org). Rent is a priority debt: paying it keeps your home safe, so pay it before other debts like credit cards or loans.',
  ];
}

function closingParagraphs(c: LetterContext): string[] {
  const contact = c.contact ?? DEFAULT_CONTACT;
  const out = ['## Contact us', `Call us on ${contact.phone} or email ${contact.email}. Please quote your reference ${c.tenancyRef}.`];
  if (c.statement) out.push(`We have included a statement of your rent account for the 13 weeks to ${formatLongDate(c.statement.to)}.`);
  out.push(
    'If you have already paid, or have agreed a plan with us and are keeping to it, thank you, and please ignore this letter.',
    'If you need this letter in another format or language, or would like someone to speak to us for you, please tell us.',
  );
  return out;
}

function letterBody(action: LetterAction, c: LetterContext, replyBy: BusinessDate): { title: string; paragraphs: string[] } {
  const owed = formatPounds(c.arrearsPence);
  const weekly = formatPounds(c.weeklyChargePence);
  const by = formatLongDate(replyBy);
  const previously = c.previousLetterDate ? `on ${formatLongDate(c.previousLetterDate)}` : 'recently';
  switch (action) {
    case 'send_letter_1':
      return {
        title: 'Your rent account is behind',
        paragraphs: [
          `We are writing because your rent account is behind by ${owed}. Your rent and charges are ${weekly} a week.`,
          'This may be a mistake, or something may have changed for you. Either way, please get in touch so that we can help you sort it out early.',
          '## What to do now',
          `Please pay the amount you owe, or contact us by ${by} so that we can agree a plan to pay it back at an amount you can afford.`,
          ...helpParagraphs(),
          ...closingParagraphs(c),
        ],
      };
    case 'send_letter_2':
      return {
        title: 'Your rent account: please contact us now',
        paragraphs: [
          `We wrote to you ${previously} about the rent owed on your account. Your account is now behind by ${owed}. Your rent and charges are ${weekly} a week.`,
          'The arrears have not been cleared and we have not yet agreed a plan with you to pay them. We want to help you before the debt grows.',
          '## What you need to do',
          `Please pay the amount you owe, or contact us by ${by} to agree a plan you can afford.`,
          'If we do not hear from you, we may visit you at home. If the arrears are not dealt with, we may have to take legal action to recover them, and that could put your home at risk. We want to avoid this.',
          ...helpParagraphs(),
          ...closingParagraphs(c),
        ],
      };
    case 'send_final_warning': {
      const notice = NOTICE_WORDING[c.noticeType ?? 'nosp'];
      return {
        title: 'Final warning: your home is at risk',
        paragraphs: [
          `We have written to you ${previously} about the rent owed on your account. Your account is now behind by ${owed}. Your rent and charges are ${weekly} a week.`,
          '## What will happen if you do not contact us',
          `If you do not pay the amount you owe, or contact us to agree a plan to pay it, by ${by}, we may serve ${notice.name} on you.`,
          notice.explained,
          'We do not want to do this. If you agree a plan with us to pay your rent and an affordable amount towards the arrears, and keep to it, we will not take this step while the plan is kept.',
          'If a notice is served on you, you can get free legal advice through the Housing Loss Prevention Advice Service.',
          ...helpParagraphs(),
          ...closingParagraphs(c),
        ],
      };
    }
    default:
      throw new RangeError(`not a letter action: ${String(action)}`);
  }
}

/**
 * The letter for a recovery step, addressed to every tenant (Pre-Action Protocol wording: the arrears,
 * the weekly charge, an invitation to get in touch by a date, help with affordability and benefits, free
 * debt advice; the final warning adds the notice that would follow and its consequence). The 13-week
 * statement in the context is appended.
 */
export function buildLetter(action: LetterAction, context: LetterContext): Letter {
  const replyBy = addDays(context.date, context.replyWithinDays ?? (action === 'send_final_warning' ? 14 : 7));
  const { title, paragraphs } = letterBody(action, context, replyBy);
  const recipients = [...context.tenants];
  const letter: Letter = {
    title,
    date: context.date,
    recipients,
    address: context.address,
    reference: context.tenancyRef,
    salutation: defaultSalutation(recipients),
    paragraphs,
    figures: figures(action, context, replyBy),
    signOff: ['Yours sincerely,', '', context.officerName?.trim() || 'The Income Team', LANDLORD_NAME].join('\n'),
  };
  if (context.statement) letter.statement = context.statement;
  return letter;
}

/** One letter for each named tenant (the Protocol: "write separately to each named tenant"). */
export function buildLettersForEachTenant(action: LetterAction, context: LetterContext): Letter[] {
  if (context.tenants.length === 0) return [buildLetter(action, context)];
  return context.tenants.map((name) => buildLetter(action, { ...context, tenants: [name] }));
}
