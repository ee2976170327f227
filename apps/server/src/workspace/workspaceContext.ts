import { randomUUID } from 'node:crypto';
import type { AuditAction, User } from '@atelier/domain';
import type { DocumentStore, WorkspaceStore } from '@atelier/storage';
import type { Logger } from '../logging/logger';
import type { AccessChangeNotifier } from './accessChangeNotifier';
import type { LoginThrottle } from './auth/loginThrottle';
import type { SessionService } from './auth/sessionService';
import type { InvitationMailer } from './invitationMailer';
import type { WorkspaceEvents } from './workspaceEvents';

/** What every use case may need, built once in the composition root. */
export interface WorkspaceContext {
  readonly store: WorkspaceStore;
  readonly documents: DocumentStore;
  readonly sessions: SessionService;
  /** Failed sign-ins, counted per email and, with a higher limit (shared offices), per address. */
  readonly loginThrottles: { readonly perEmail: LoginThrottle; readonly perAddress: LoginThrottle };
  readonly accessChanges: AccessChangeNotifier;
  readonly events: WorkspaceEvents;
  readonly mailer: InvitationMailer | null;
  /** Origin of the web app, to build invitation links. */
  readonly publicOrigin: string;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly newId: () => string;
}

export const defaultIdGenerator = (): string => randomUUID();

/** Appends one audit entry; every change of state goes through here. */
export async function recordAudit(
  context: WorkspaceContext,
  entry: {
    consultationId: string | null;
    actor: Pick<User, 'id'> | null;
    action: AuditAction;
    target: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await context.store.audit.append({
    id: context.newId(),
    consultationId: entry.consultationId,
    actorId: entry.actor?.id ?? null,
    action: entry.action,
    target: entry.target,
    details: entry.details ?? {},
    at: context.now().toISOString(),
  });
}
