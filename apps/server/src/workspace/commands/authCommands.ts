import { normaliseEmail, type User } from '@atelier/domain';
import { AppError } from '../../errors/appError';
import { verifyAgainstDummy, verifyPassword } from '../auth/passwordHasher';
import type { WorkspaceContext } from '../workspaceContext';

export interface SignedIn {
  readonly user: User;
  readonly sessionToken: string;
}

/** Email and password sign-in, throttled per email and per address; always a new session id. */
export async function signInWithPassword(
  context: WorkspaceContext,
  input: { email: string; password: string; remoteAddress: string },
): Promise<SignedIn> {
  const email = normaliseEmail(input.email);
  const { perEmail, perAddress } = context.loginThrottles;
  const wait = Math.max(
    perEmail.retryAfterSeconds(email),
    perAddress.retryAfterSeconds(input.remoteAddress),
  );
  if (wait > 0) {
    throw new AppError(
      429,
      'too_many_attempts',
      `Too many failed attempts. Try again in ${wait} seconds.`,
    );
  }
  const credentials = await context.store.users.findCredentialsByEmail(email);
  const valid = credentials?.passwordHash
    ? await verifyPassword(input.password, credentials.passwordHash)
    : await verifyAgainstDummy(input.password);
  if (!credentials || !valid) {
    perEmail.recordFailure(email);
    perAddress.recordFailure(input.remoteAddress);
    throw AppError.unauthorized('Wrong email or password.');
  }
  if (credentials.user.disabled)
    throw AppError.forbidden('account_disabled', 'This account is disabled.');
  perEmail.recordSuccess(email);
  return {
    user: credentials.user,
    sessionToken: await context.sessions.start(credentials.user.id),
  };
}
