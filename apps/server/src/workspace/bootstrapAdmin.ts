import { normaliseEmail } from '@atelier/domain';
import { hashPassword } from './auth/passwordHasher';
import type { WorkspaceContext } from './workspaceContext';

/** First start: creates the administrator named by the environment when no admin exists yet. */
export async function bootstrapAdmin(
  context: WorkspaceContext,
  admin: { email: string; password: string },
): Promise<boolean> {
  if ((await context.store.users.countAdmins()) > 0) return false;
  const email = normaliseEmail(admin.email);
  const existing = await context.store.users.findByEmail(email);
  if (existing) {
    await context.store.users.update(existing.id, {
      platformRole: 'admin',
      passwordHash: await hashPassword(admin.password),
    });
    return true;
  }
  await context.store.users.create({
    id: context.newId(),
    email,
    displayName: 'Administrateur',
    publicPseudonym: null,
    organisationId: null,
    platformRole: 'admin',
    disabled: false,
    createdAt: context.now().toISOString(),
    passwordHash: await hashPassword(admin.password),
  });
  return true;
}
