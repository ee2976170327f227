import type { Mute } from '@atelier/domain';
import { assertInstant, assertKey } from '../../workspace/argumentGuards';
import { assertMute } from '../../workspace/validateCommentRecords';
import type { MuteRepository } from '../../workspace/workspaceStore';
import type { ConnectionState } from './connectionState';
import type { MuteRecord, WorkspaceCollections } from './workspaceCollections';

/** Mutes have no id of their own: the record's `_id` is an ObjectId never read back. */
const WITHOUT_ID = { projection: { _id: 0 } } as const;

export class MongoMuteRepository implements MuteRepository {
  constructor(
    private readonly mutes: WorkspaceCollections['mutes'],
    private readonly connection: ConnectionState,
  ) {}

  /** An upsert on exactly the unique index's fields: racing first mutes are retried, not lost. */
  async upsert(mute: Mute): Promise<void> {
    this.connection.assertOpen();
    assertMute(mute);
    await this.mutes.updateOne(
      { consultationId: mute.consultationId, userId: mute.userId },
      {
        $set: { until: mute.until, reason: mute.reason, by: mute.by, createdAt: mute.createdAt },
      },
      { upsert: true },
    );
  }

  async remove(consultationId: string, userId: string): Promise<boolean> {
    this.connection.assertOpen();
    assertKey(consultationId, 'consultationId');
    assertKey(userId, 'userId');
    const result = await this.mutes.deleteOne({ consultationId, userId });
    return result.deletedCount > 0;
  }

  async activeMute(consultationId: string, userId: string, now: string): Promise<Mute | null> {
    this.connection.assertOpen();
    assertKey(consultationId, 'consultationId');
    assertKey(userId, 'userId');
    assertInstant(now, 'now');
    const record = await this.mutes.findOne(
      { consultationId, userId, until: { $gt: now } },
      WITHOUT_ID,
    );
    return record ? muteFromRecord(record) : null;
  }

  async listActiveByConsultation(consultationId: string, now: string): Promise<Mute[]> {
    this.connection.assertOpen();
    assertKey(consultationId, 'consultationId');
    assertInstant(now, 'now');
    const records = await this.mutes
      .find({ consultationId, until: { $gt: now } }, WITHOUT_ID)
      .sort({ until: 1, userId: 1 })
      .toArray();
    return records.map(muteFromRecord);
  }
}

function muteFromRecord(record: MuteRecord): Mute {
  return {
    consultationId: record.consultationId,
    userId: record.userId,
    until: record.until,
    reason: record.reason,
    by: record.by,
    createdAt: record.createdAt,
  };
}
