import type { User } from '@atelier/domain';
import { AppError } from '../../errors/appError';
import { requireAdmin } from '../loadFacts';
import { recordAudit, type WorkspaceContext } from '../workspaceContext';

/** Disabling an account ends its sessions and, through the access notifier, its open sockets. */
export async function setUserDisabled(
  context: WorkspaceContext,
  user: User | null,
  targetUserId: string,
  disabled: boolean,
): Promise<User> {
  const admin = requireAdmin(user);
  if (admin.id === targetUserId && disabled) {
    throw AppError.conflict('cannot_disable_self', 'You cannot disable your own account.');
  }
  const updated = await context.store.users.update(targetUserId, { disabled });
  if (!updated) throw AppError.notFound('user_not_found', 'No such user.');
  if (disabled) await context.sessions.endAllFor(targetUserId);
  context.accessChanges.notify({ scope: 'user', userId: targetUserId });
  await recordAudit(context, {
    consultationId: null,
    actor: admin,
    action: disabled ? 'user.disabled' : 'user.enabled',
    target: `user:${targetUserId}`,
  });
  return updated;
}
