import { decideOnCommitment, type Commitment, type Consultation, type User } from '@atelier/domain';
import { actorOf } from '../loadFacts';
import type { WorkspaceContext } from '../workspaceContext';

/**
 * Of these people, the ones who may read the commitment now, by the same rule as the REST API
 * (active account; member, admin, or reader of a public consultation). Nobody is told about
 * something they could not open. Unknown ids are dropped; the order is not kept.
 */
export async function readersOfCommitment(
  context: WorkspaceContext,
  userIds: readonly string[],
  place: { readonly consultation: Consultation; readonly commitment: Commitment },
): Promise<User[]> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return [];
  const users = await context.store.users.listByIds(unique);
  const memberships = await Promise.all(
    users.map((user) => context.store.memberships.find(place.consultation.id, user.id)),
  );
  return users.filter(
    (user, index) =>
      decideOnCommitment(actorOf(user), 'commitment.read', {
        ...place,
        membership: memberships[index] ?? null,
      }).allowed,
  );
}
