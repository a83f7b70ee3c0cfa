import type { CaseContext } from '../../src/application/case-events/case-access';
import { loadActor } from '../../src/application/users/users';
import type { BusinessDate } from '../../src/domain/calendar/business-date';
import type { Db } from '../../src/persistence/database';

/** A use case's context as the user `userId` on the business date `today`, audited at 10:00 that day (UTC), from no address. */
export async function caseContextAs(db: Db, userId: number, today: BusinessDate): Promise<CaseContext> {
  const actor = await loadActor(db, userId);
  if (!actor) throw new Error(`no user ${userId}`);
  return { db, actor, audit: { actor: actor.username, origin: null, now: new Date(`${today}T10:00:00Z`) }, today };
}
