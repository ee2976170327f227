import type { ForumService } from '../../forum/forumService';
import { demoFacilitatorEmail, demoForumSession, demoForumStart } from './demoDiscussionContent';
import { demoCommitment, demoPerson, type DemoPlan } from './demoPlan';

/**
 * Tomorrow's forum session, scheduled by the facilitator through the forum's own use case
 * (join code, minutes document, audit entry), unless a session of that title exists already.
 */
export async function scheduleDemoForum(
  forum: ForumService,
  plan: DemoPlan,
  loadedAt: Date,
): Promise<void> {
  const facilitator = demoPerson(plan, demoFacilitatorEmail);
  const sessions = await forum.list(facilitator, plan.consultationId);
  if (sessions.some((session) => session.title === demoForumSession.title)) return;
  await forum.create(facilitator, plan.consultationId, {
    title: demoForumSession.title,
    scheduledAt: demoForumStart(loadedAt).toISOString(),
    format: demoForumSession.format,
    guestPolicy: demoForumSession.guestPolicy,
    agenda: demoForumSession.agenda.map((item) => ({
      title: item.title,
      durationMinutes: item.durationMinutes,
      commitmentId:
        item.commitmentIndex === null ? null : demoCommitment(plan, item.commitmentIndex).id,
    })),
  });
}
