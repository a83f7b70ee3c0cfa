import { describe, expect, it } from 'vitest';
import { canActOnPatch, canAdminister, canApprove, canSeeCases, defaultWorklistPatchIds, type Actor } from './permissions';

const actor = (role: Actor['role'], patchId: number | null = null, extraRoles: Actor['extraRoles'] = []): Actor => ({ id: 1, username: 'u', displayName: 'U', role, extraRoles, patchId, patchName: null });

describe('permissions', () => {
  it('officers act on their own patch only; seniors and managers everywhere; administrators nowhere unless also officers', () => {
    expect(canActOnPatch(actor('officer', 1), 1)).toBe(true);
    expect(canActOnPatch(actor('officer', 1), 2)).toBe(false);
    expect(canActOnPatch(actor('officer', null), 1)).toBe(false);
    expect(canActOnPatch(actor('officer', 1), null)).toBe(false);
    expect(canActOnPatch(actor('senior_officer'), 2)).toBe(true);
    expect(canActOnPatch(actor('manager'), null)).toBe(true);
    expect(canActOnPatch(actor('admin', 1), 1)).toBe(false);
    expect(canActOnPatch(actor('admin', 1, ['officer']), 1)).toBe(true);
  });

  it('who sees cases, approves and administers', () => {
    expect([canSeeCases(actor('officer')), canSeeCases(actor('admin')), canSeeCases(actor('admin', null, ['officer']))]).toEqual([true, false, true]);
    expect([canApprove(actor('manager')), canApprove(actor('senior_officer')), canApprove(actor('admin'))]).toEqual([true, false, false]);
    expect([canAdminister(actor('admin')), canAdminister(actor('manager'))]).toEqual([true, false]);
  });

  it('the default worklist: an officer their patch, seniors and managers every patch', () => {
    expect(defaultWorklistPatchIds(actor('officer', 3))).toEqual([3]);
    expect(defaultWorklistPatchIds(actor('officer', null))).toEqual([]);
    expect(defaultWorklistPatchIds(actor('manager', 3))).toBeNull();
  });
});
