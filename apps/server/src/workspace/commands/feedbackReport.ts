import { commentDisplay, publicNameOf, type ParticipantKind, type User } from '@atelier/domain';
import { authorizeOnConsultation, loadConsultationFacts } from '../loadFacts';
import type { FeedbackReport, FeedbackReportRow } from '../report/feedbackReportModel';
import type { WorkspaceContext } from '../workspaceContext';

/**
 * Every contribution of a consultation with its reasoned response, for anyone who may read the
 * consultation (signed out too when it is public). Deleted comments were withdrawn by their
 * authors and are left out; hidden ones appear as the trace moderation left, never their text.
 * Ordered by commitment number, then thread, then comment (oldest first).
 */
export async function buildFeedbackReport(
  context: WorkspaceContext,
  user: User | null,
  consultationId: string,
): Promise<FeedbackReport> {
  const facts = await loadConsultationFacts(context, user, consultationId);
  authorizeOnConsultation(user, 'consultation.read', facts);
  const { store } = context;
  const [threads, commitments] = await Promise.all([
    store.commentThreads.listByConsultation(consultationId),
    store.commitments.listByConsultation(consultationId),
  ]);
  const commitmentsById = new Map(commitments.map((c) => [c.id, c]));
  const authorIds = [...new Set(threads.flatMap((t) => t.comments.map((c) => c.authorId)))];
  const authors = new Map((await store.users.listByIds(authorIds)).map((u) => [u.id, u]));
  const organisationIds = [
    ...new Set([...authors.values()].flatMap((u) => (u.organisationId ? [u.organisationId] : []))),
  ];
  const organisationKinds = new Map(
    (organisationIds.length > 0 ? await store.organisations.listByIds(organisationIds) : []).map(
      (o) => [o.id, o.kind],
    ),
  );
  const participantKindOf = (author: User | undefined): ParticipantKind =>
    (author?.organisationId ? organisationKinds.get(author.organisationId) : undefined) ??
    'citizen';

  const ordered = threads
    .map((entry) => ({ entry, commitment: commitmentsById.get(entry.thread.commitmentId) }))
    .filter((item) => item.commitment !== undefined)
    .sort(
      (left, right) =>
        left.commitment!.number - right.commitment!.number ||
        left.entry.thread.createdAt.localeCompare(right.entry.thread.createdAt) ||
        left.entry.thread.id.localeCompare(right.entry.thread.id),
    );
  const rows: FeedbackReportRow[] = [];
  for (const { entry, commitment } of ordered) {
    const { thread, comments, response } = entry;
    comments.forEach((comment, index) => {
      const display = commentDisplay(comment);
      if (display.kind === 'deleted') return;
      const author = authors.get(comment.authorId);
      rows.push({
        commitmentNumber: commitment!.number,
        commitmentTitle: commitment!.title,
        threadId: thread.id,
        commentId: comment.id,
        isReply: index > 0,
        postedAt: comment.createdAt,
        author: author ? publicNameOf(author) : '',
        participantKind: participantKindOf(author),
        passage: thread.anchor?.quote ?? null,
        contribution:
          display.kind === 'visible'
            ? { kind: 'visible', body: display.body }
            : { kind: 'hidden', at: display.at, reason: display.reason },
        disposition: response?.disposition ?? null,
        reason: response?.reason ?? '',
      });
    });
  }
  return {
    consultationTitle: facts.consultation.title,
    generatedAt: context.now().toISOString(),
    rows,
  };
}
