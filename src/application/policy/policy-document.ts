/**
 * The policy document schema (zod; kept out of src/domain, which imports nothing). A document is
 * `{ version, name, parameters, overrides: [{ tenure?, landlordType?, parameters }] }`: `parameters`
 * are ⚙ settings over the defaults (any subset), and each override changes some of them for one tenure
 * and/or landlord type. Every object is strict: a key naming a ⚖ guardrail, or any unknown key, is
 * refused ("⚖ guardrail … cannot be changed by a policy document").
 */
import { z } from 'zod';
import { isBusinessDate } from '../../domain/calendar/business-date';
import { LANDLORD_TYPES, PRE_ACTION_ITEMS, TENURES } from '../../domain/case-file/case-file';
import {
  guardrailRefusal,
  isGuardrailKey,
  LADDER_ACTIONS,
  POLICY_PARAMETER_KEYS,
  unknownKeyRefusal,
  type PolicyDocument,
} from '../../domain/policy';

const days = z.number({ error: 'expected a whole number of days' }).int('expected a whole number of days').min(0).max(3650);

const weeks = z
  .number({ error: 'expected a number of weeks' })
  .min(0)
  .max(520)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, { error: 'expected at most 2 decimals (weeksInArrears is compared to 2 decimals)' });

const ladderStepSchema = z.strictObject({
  action: z.enum(LADDER_ACTIONS),
  minWeeksInArrears: weeks,
  minDaysSincePrevious: days.nullable(),
});

const ladderSchema = z
  .array(ladderStepSchema)
  .min(1, 'expected at least the serve_notice step')
  .superRefine((steps, ctx) => {
    const seen = new Set<string>();
    steps.forEach((step, i) => {
      if (seen.has(step.action)) ctx.addIssue({ code: 'custom', path: [i, 'action'], message: `${step.action} appears twice in the ladder` });
      seen.add(step.action);
    });
    if (steps.length > 0 && steps[steps.length - 1]?.action !== 'serve_notice') {
      ctx.addIssue({ code: 'custom', path: [steps.length - 1, 'action'], message: 'the last step of the ladder must be serve_notice' });
    }
  });

const noticeChecklistSchema = z.array(z.enum(PRE_ACTION_ITEMS)).superRefine((items, ctx) => {
  if (new Set(items).size !== items.length) ctx.addIssue({ code: 'custom', message: 'an item appears twice' });
});

const parametersShape = {
  housingBenefitGraceDays: days,
  universalCreditGraceDays: days,
  regularPayerGraceDays: days,
  regularPayerMinimumPercent: z.number().int('expected a whole percent').min(0).max(100),
  ladder: ladderSchema,
  noticeChecklist: noticeChecklistSchema,
  claimThresholdWeeks: weeks,
  arrangementReviewDays: days,
  preIssueWarningDays: days,
  section8SwitchOverDate: z.string().refine(isBusinessDate, { error: 'expected a real calendar date YYYY-MM-DD' }).nullable(),
  ftaLetterWaitDays: days,
  uneconomicBalancePence: z.number().int('expected whole pence').min(0),
};

/** Any subset of the ⚙ parameters. */
export const policyParametersSchema = z.strictObject(parametersShape).partial();

export const policyOverrideSchema = z.strictObject({
  tenure: z.enum(TENURES).optional(),
  landlordType: z.enum(LANDLORD_TYPES).optional(),
  parameters: policyParametersSchema,
});

export const policyDocumentSchema = z.strictObject({
  version: z.number().int().min(1),
  name: z.string().trim().min(1, 'expected a name'),
  parameters: policyParametersSchema.default({}),
  overrides: z.array(policyOverrideSchema).default([]),
});

export interface PolicyDocumentError {
  /** `overrides[0].parameters.ladder[4].action`; '' for the document itself. */
  path: string;
  message: string;
}

export type CheckPolicyDocumentResult = { ok: true; document: PolicyDocument } | { ok: false; errors: PolicyDocumentError[] };

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** The keys allowed in the object at `path` (for the message on an unknown key). */
function allowedKeysAt(path: readonly PropertyKey[]): readonly string[] {
  const last = path[path.length - 1];
  if (path.length === 0) return Object.keys(policyDocumentSchema.shape);
  if (last === 'parameters') return POLICY_PARAMETER_KEYS;
  if (path[0] === 'overrides' && path.length === 2) return Object.keys(policyOverrideSchema.shape);
  if (typeof last === 'number' && path[path.length - 2] === 'ladder') return Object.keys(ladderStepSchema.shape);
  return [];
}

function errorsOf(issue: z.core.$ZodIssue): PolicyDocumentError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: pathText([...issue.path, key]),
      message: isGuardrailKey(key) ? guardrailRefusal(key) : unknownKeyRefusal(key, allowedKeysAt(issue.path)),
    }));
  }
  return [{ path: pathText(issue.path), message: issue.message }];
}

/** Checks a parsed JSON value as a policy document; every problem is listed with its path. */
export function checkPolicyDocument(json: unknown): CheckPolicyDocumentResult {
  const result = policyDocumentSchema.safeParse(json);
  if (result.success) return { ok: true, document: result.data as PolicyDocument };
  return { ok: false, errors: result.error.issues.flatMap(errorsOf) };
}
