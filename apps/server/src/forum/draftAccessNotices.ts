import { draftDocNameFor } from '@atelier/domain';
import type { AccessChange } from '../collab/documentAccessPolicy';
import type { LiveForumSession } from './liveForumSession';
import { commitmentsOfSession, draftsOpenedBySession } from './sessionDrafts';

/**
 * Tells the collaboration endpoint when the drafts a session opens to its guests change (it
 * starts or ends, the spotlight or the breakout moves on, the agenda is edited), so that open
 * connections are decided again: a guest's draft closes (`access_revoked`) when the session
 * ends, as for any other loss of access. Only the drafts whose fate changed are named.
 */
export class DraftAccessNotices {
  /** Session id → commitment ids whose drafts it opened when last seen. */
  private readonly opened = new Map<string, ReadonlySet<string>>();

  constructor(private readonly notify: (change: AccessChange) => void) {}

  /** The session as loaded from the store: what it opens now is the reference. */
  seen(live: LiveForumSession): void {
    this.opened.set(live.id, draftsOpenedBySession(live.session, live.state));
  }

  changed(live: LiveForumSession): void {
    const now = draftsOpenedBySession(live.session, live.state);
    const before = this.opened.get(live.id);
    // Never seen: name everything it works on (a needless re-decision costs little).
    const concerned = before
      ? [...before, ...now].filter((id) => before.has(id) !== now.has(id))
      : [...commitmentsOfSession(live.session, live.state)];
    if (now.size > 0) this.opened.set(live.id, now);
    else this.opened.delete(live.id);
    for (const commitmentId of new Set(concerned))
      this.notify({ scope: 'document', docName: draftDocNameFor(commitmentId) });
  }
}
