import { readDraft } from '@atelier/collab';
import type { DocumentRoom } from '../collab/documentRoom';
import { docFromStored } from '../collab/storedDocument';
import type { WorkspaceContext } from './workspaceContext';

/**
 * Keeps each commitment's read model (title, sections, milestones, word count, last edit,
 * contributors) in step with its draft. Typing produces many updates a second; the read model
 * is recomputed at most once per window per document, off the path of the edit itself.
 */
const READ_MODEL_DEBOUNCE_MS = 1_000;

interface PendingRefresh {
  room: DocumentRoom;
  contributorIds: Set<string>;
  timer: NodeJS.Timeout;
  lastEditedAt: string;
}

export class ReadModelUpdater {
  private readonly pending = new Map<string, PendingRefresh>();

  constructor(private readonly context: WorkspaceContext) {}

  documentChanged(room: DocumentRoom, contributorIds: readonly string[]): void {
    const lastEditedAt = this.context.now().toISOString();
    const existing = this.pending.get(room.docName);
    if (existing) {
      existing.room = room;
      existing.lastEditedAt = lastEditedAt;
      for (const id of contributorIds) existing.contributorIds.add(id);
      return;
    }
    const timer = setTimeout(() => void this.refresh(room.docName), READ_MODEL_DEBOUNCE_MS);
    timer.unref();
    this.pending.set(room.docName, {
      room,
      contributorIds: new Set(contributorIds),
      timer,
      lastEditedAt,
    });
  }

  /** Writes every pending refresh now (shutdown, tests). */
  async flush(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((docName) => this.refresh(docName)));
  }

  private async refresh(docName: string): Promise<void> {
    const entry = this.pending.get(docName);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(docName);
    try {
      const commitment = await this.context.store.commitments.findByDocName(docName);
      if (!commitment) return;
      // The room may have been unloaded meanwhile: then read the stored state.
      const doc = entry.room.isDestroyed
        ? docFromStored(await this.context.documents.loadDocument(docName))
        : entry.room.doc;
      const contents = readDraft(doc);
      const contributorIds = [
        ...new Set([...commitment.readModel.contributorIds, ...entry.contributorIds]),
      ];
      await this.context.store.commitments.updateReadModel(commitment.id, {
        ...contents,
        lastEditedAt: entry.lastEditedAt,
        contributorIds,
      });
      this.context.events.emit('commitmentChanged', {
        consultationId: commitment.consultationId,
        commitmentId: commitment.id,
      });
    } catch (error) {
      this.context.logger.error({ err: error, docName }, 'read model refresh failed');
    }
  }
}
