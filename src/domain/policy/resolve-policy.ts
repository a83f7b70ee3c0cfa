import type { LandlordType, Tenure } from '../case-file/case-file';
import { DEFAULT_POLICY_PARAMETERS } from './default-policy';
import type { PolicyDocument, PolicyOverride, PolicyParameters } from './policy-parameters';

function specificity(override: PolicyOverride): number {
  return (override.tenure === undefined ? 0 : 1) + (override.landlordType === undefined ? 0 : 1);
}

function applies(override: PolicyOverride, tenure: Tenure, landlordType: LandlordType): boolean {
  return (override.tenure === undefined || override.tenure === tenure) && (override.landlordType === undefined || override.landlordType === landlordType);
}

function withoutUndefined(parameters: Partial<PolicyParameters>): Partial<PolicyParameters> {
  return Object.fromEntries(Object.entries(parameters).filter(([, v]) => v !== undefined)) as Partial<PolicyParameters>;
}

/**
 * The parameters for one tenancy: the defaults, then the document's parameters, then every override
 * that applies to the tenure and landlord type, the less specific first (one criterion before both)
 * and, between equally specific ones, in the document's order: the last one applied wins.
 */
export function resolvePolicy(document: PolicyDocument, tenure: Tenure, landlordType: LandlordType): PolicyParameters {
  const matching = document.overrides
    .map((override, index) => ({ override, index }))
    .filter(({ override }) => applies(override, tenure, landlordType))
    .sort((a, b) => specificity(a.override) - specificity(b.override) || a.index - b.index);
  let parameters: PolicyParameters = { ...DEFAULT_POLICY_PARAMETERS, ...withoutUndefined(document.parameters) };
  for (const { override } of matching) parameters = { ...parameters, ...withoutUndefined(override.parameters) };
  return parameters;
}
