import type { Role } from '../../persistence/stores/user-store';

/** The signed-in person, as every use case and page sees them. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  extraRoles: readonly Role[];
  /** The officer's own patch: their caseload, and the only patch they may act on. */
  patchId: number | null;
  patchName: string | null;
}

export function rolesOf(actor: Actor): Set<Role> {
  return new Set<Role>([actor.role, ...actor.extraRoles]);
}

/**
 * Who may see tenants' personal data (worklist, accounts, search, statements, letters): income officers,
 * senior officers and managers. An administrator only when also given the officer role.
 */
export function canSeeCases(actor: Actor): boolean {
  const roles = rolesOf(actor);
  return roles.has('officer') || roles.has('senior_officer') || roles.has('manager');
}

/** Senior officers and managers work every patch. */
export function worksEveryPatch(actor: Actor): boolean {
  const roles = rolesOf(actor);
  return roles.has('senior_officer') || roles.has('manager');
}

/** Recording anything on an account: senior officers and managers anywhere, officers on their own patch only. */
export function canActOnPatch(actor: Actor, patchId: number | null): boolean {
  if (!canSeeCases(actor)) return false;
  if (worksEveryPatch(actor)) return true;
  return actor.patchId !== null && patchId !== null && actor.patchId === patchId;
}

/** The approval queue (four-eyes decisions on possession, warrants, write-offs…): managers. */
export function canApprove(actor: Actor): boolean {
  return rolesOf(actor).has('manager');
}

/** Users, patches, the policy and the audit log: administrators. */
export function canAdminister(actor: Actor): boolean {
  return rolesOf(actor).has('admin');
}

/** The patches whose cases make the actor's own worklist by default (null = every patch). */
export function defaultWorklistPatchIds(actor: Actor): number[] | null {
  if (worksEveryPatch(actor)) return null;
  return actor.patchId === null ? [] : [actor.patchId];
}
