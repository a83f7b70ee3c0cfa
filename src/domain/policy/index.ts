export * from './policy-parameters';
export { DEFAULT_POLICY_DOCUMENT, DEFAULT_POLICY_PARAMETERS } from './default-policy';
export { GUARDRAIL_KEYS, guardrailRefusal, isGuardrailKey, unknownKeyRefusal } from './guardrail-keys';
export { resolvePolicy } from './resolve-policy';
