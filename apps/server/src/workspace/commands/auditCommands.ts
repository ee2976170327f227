import type { AuditEntry, User } from '@atelier/domain';
import { authorizeOnConsultation, loadConsultationFacts } from '../loadFacts';
import type { WorkspaceContext } from '../workspaceContext';

const AUDIT_PAGE_SIZE = 500;

export async function listAudit(
  context: WorkspaceContext,
  user: User | null,
  consultationId: string,
): Promise<AuditEntry[]> {
  const facts = await loadConsultationFacts(context, user, consultationId);
  authorizeOnConsultation(user, 'consultation.read_audit', facts);
  return context.store.audit.listByConsultation(consultationId, AUDIT_PAGE_SIZE);
}
