import { randomBytes } from 'node:crypto';
import {
  INVITATION_VALIDITY_DAYS,
  isRoleAtLeast,
  normaliseEmail,
  type ConsultationRole,
  type Invitation,
  type User,
} from '@atelier/domain';
import { AppError } from '../../errors/appError';
import { hashPassword } from '../auth/passwordHasher';
import { hashToken } from '../auth/sessionService';
import { authorizeOnConsultation, loadConsultationFacts } from '../loadFacts';
import { recordAudit, type WorkspaceContext } from '../workspaceContext';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CreatedInvitation {
  readonly token: string;
  readonly url: string;
  readonly expiresAt: string;
  readonly emailSent: boolean;
}

export async function inviteMember(
  context: WorkspaceContext,
  user: User | null,
  consultationId: string,
  input: { email: string; role: ConsultationRole },
): Promise<CreatedInvitation> {
  const facts = await loadConsultationFacts(context, user, consultationId);
  authorizeOnConsultation(user, 'consultation.manage_members', facts);
  const token = randomBytes(32).toString('base64url');
  const now = context.now();
  const invitation: Invitation = {
    id: context.newId(),
    consultationId,
    email: normaliseEmail(input.email),
    role: input.role,
    invitedBy: user!.id,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + INVITATION_VALIDITY_DAYS * DAY_MS).toISOString(),
    acceptedAt: null,
    createdAt: now.toISOString(),
  };
  await context.store.invitations.create(invitation);
  await recordAudit(context, {
    consultationId,
    actor: user,
    action: 'invitation.created',
    target: `invitation:${invitation.id}`,
    details: { role: input.role },
  });
  const url = `${context.publicOrigin}/invitations/${token}`;
  let emailSent = false;
  if (context.mailer) {
    try {
      await context.mailer.sendInvitation({
        to: invitation.email,
        consultationTitle: facts.consultation.title,
        role: input.role,
        url,
      });
      emailSent = true;
    } catch (error) {
      // The link is still returned to the facilitator, who can pass it on by hand.
      context.logger.warn({ err: error, invitationId: invitation.id }, 'invitation email failed');
    }
  }
  return { token, url, expiresAt: invitation.expiresAt, emailSent };
}

export interface AcceptedInvitation {
  readonly user: User;
  readonly consultationId: string;
  readonly sessionToken: string;
}

/**
 * Follows an invitation link: either as the signed-in account whose email was invited, or by
 * creating the account (display name and password). Usable once; signs the person in.
 */
export async function acceptInvitation(
  context: WorkspaceContext,
  signedIn: User | null,
  token: string,
  input: { displayName?: string | undefined; password?: string | undefined },
): Promise<AcceptedInvitation> {
  const tokenHash = hashToken(token);
  const invitation = await context.store.invitations.findByTokenHash(tokenHash);
  const now = context.now();
  if (!invitation)
    throw AppError.notFound('invitation_not_found', 'This invitation link is not valid.');
  if (invitation.acceptedAt)
    throw new AppError(410, 'invitation_used', 'This invitation has already been used.');
  if (Date.parse(invitation.expiresAt) <= now.getTime()) {
    throw new AppError(
      410,
      'invitation_expired',
      'This invitation has expired. Ask the facilitators for a new one.',
    );
  }

  const existing = await context.store.users.findByEmail(invitation.email);
  if (signedIn && signedIn.email !== invitation.email) {
    throw AppError.forbidden(
      'invitation_for_another_account',
      'This invitation was sent to another email address.',
    );
  }
  if (existing && !signedIn) {
    throw AppError.conflict(
      'account_exists',
      'An account already exists for this email: sign in, then open the link again.',
    );
  }
  if (!existing && (!input.displayName || !input.password)) {
    throw AppError.badRequest('account_details_required', 'Choose a display name and a password.');
  }
  if (existing?.disabled) throw AppError.forbidden('account_disabled', 'This account is disabled.');
  // Hash before consuming: the slow step must not leave a consumed invitation without an account.
  const passwordHash = existing ? null : await hashPassword(input.password!);

  if (!(await context.store.invitations.consume(tokenHash, now.toISOString()))) {
    throw new AppError(410, 'invitation_used', 'This invitation has already been used.');
  }
  let user = existing;
  if (!user) {
    const created: User = {
      id: context.newId(),
      email: invitation.email,
      displayName: input.displayName!,
      publicPseudonym: null,
      organisationId: null,
      platformRole: null,
      disabled: false,
      createdAt: now.toISOString(),
    };
    await context.store.users.create({ ...created, passwordHash });
    user = created;
  }
  const previous = await context.store.memberships.find(invitation.consultationId, user.id);
  // An invitation never lowers a role someone already has.
  if (!previous || !isRoleAtLeast(previous.role, invitation.role)) {
    await context.store.memberships.upsert({
      consultationId: invitation.consultationId,
      userId: user.id,
      role: invitation.role,
      createdAt: previous?.createdAt ?? now.toISOString(),
    });
    context.accessChanges.notify({ scope: 'user', userId: user.id });
  }
  await recordAudit(context, {
    consultationId: invitation.consultationId,
    actor: user,
    action: 'invitation.accepted',
    target: `invitation:${invitation.id}`,
    details: { role: invitation.role, newAccount: !existing },
  });
  return {
    user,
    consultationId: invitation.consultationId,
    sessionToken: await context.sessions.start(user.id),
  };
}
