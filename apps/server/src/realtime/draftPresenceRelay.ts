import {
  consultationRoom,
  SocketEvent,
  type DraftPresencePayload,
  type PresentPerson,
} from '@atelier/protocol';
import type { WorkspaceContext } from '../workspace/workspaceContext';
import type { WorkspaceSocketServer } from './workspaceSockets';

/** Arrivals and departures come in bursts (a forum audience); one notice per draft per window. */
const PRESENCE_DEBOUNCE_MS = 250;

/**
 * Tells a consultation's watchers who has each of its drafts open ("who is writing right now"),
 * from the collaboration server's own connections rather than from every page subscribing to
 * every draft's presence.
 */
export class DraftPresenceRelay {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly commitmentByDoc = new Map<
    string,
    { commitmentId: string; consultationId: string }
  >();
  private io: WorkspaceSocketServer | null = null;

  constructor(
    private readonly context: WorkspaceContext,
    private readonly peopleIn: (docName: string) => PresentPerson[],
  ) {}

  attach(io: WorkspaceSocketServer): void {
    this.io = io;
  }

  /** Called by the collaboration endpoint whenever a connection arrives, leaves or changes access. */
  presenceChanged(docName: string): void {
    if (this.pending.has(docName)) return;
    const timer = setTimeout(() => {
      this.pending.delete(docName);
      void this.announce(docName);
    }, PRESENCE_DEBOUNCE_MS);
    timer.unref();
    this.pending.set(docName, timer);
  }

  /** Who has each draft of a consultation open now, for a page that starts watching it. */
  async snapshot(consultationId: string): Promise<DraftPresencePayload[]> {
    const commitments = await this.context.store.commitments.listByConsultation(consultationId);
    return commitments.map((commitment) => ({
      consultationId,
      commitmentId: commitment.id,
      people: this.peopleIn(commitment.docName),
    }));
  }

  stop(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private async announce(docName: string): Promise<void> {
    const target = await this.commitmentOf(docName);
    if (!target || !this.io) return;
    this.io.to(consultationRoom(target.consultationId)).emit(SocketEvent.DraftPresence, {
      ...target,
      people: this.peopleIn(docName),
    });
  }

  private async commitmentOf(docName: string) {
    const known = this.commitmentByDoc.get(docName);
    if (known) return known;
    const commitment = await this.context.store.commitments.findByDocName(docName);
    if (!commitment) return null;
    const target = { commitmentId: commitment.id, consultationId: commitment.consultationId };
    this.commitmentByDoc.set(docName, target);
    return target;
  }
}
