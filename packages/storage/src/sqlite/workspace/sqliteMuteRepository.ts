import type { Database, Statement } from 'better-sqlite3';
import type { Mute } from '@atelier/domain';
import { assertInstant, assertKey } from '../../workspace/argumentGuards';
import { assertMute } from '../../workspace/validateCommentRecords';
import type { MuteRepository } from '../../workspace/workspaceStore';

interface MuteRow {
  readonly consultation_id: string;
  readonly user_id: string;
  readonly until: string;
  readonly reason: string;
  readonly muted_by: string;
  readonly created_at: string;
}

export class SqliteMuteRepository implements MuteRepository {
  private readonly upsertMute: Statement<[MuteRow]>;
  private readonly deleteMute: Statement<[string, string]>;
  private readonly selectActive: Statement<[string, string, string], MuteRow>;
  private readonly selectActiveByConsultation: Statement<[string, string], MuteRow>;

  constructor(db: Database) {
    // A new mute replaces the previous one entirely: its own end, reason, moderator and date.
    this.upsertMute = db.prepare(`
      INSERT INTO consultation_mutes (consultation_id, user_id, until, reason, muted_by, created_at)
      VALUES (@consultation_id, @user_id, @until, @reason, @muted_by, @created_at)
      ON CONFLICT (consultation_id, user_id) DO UPDATE SET until = excluded.until,
        reason = excluded.reason, muted_by = excluded.muted_by, created_at = excluded.created_at
    `);
    this.deleteMute = db.prepare(
      'DELETE FROM consultation_mutes WHERE consultation_id = ? AND user_id = ?',
    );
    this.selectActive = db.prepare(`
      SELECT * FROM consultation_mutes WHERE consultation_id = ? AND user_id = ? AND until > ?
    `);
    this.selectActiveByConsultation = db.prepare(`
      SELECT * FROM consultation_mutes WHERE consultation_id = ? AND until > ?
      ORDER BY until, user_id
    `);
  }

  async upsert(mute: Mute): Promise<void> {
    assertMute(mute);
    this.upsertMute.run({
      consultation_id: mute.consultationId,
      user_id: mute.userId,
      until: mute.until,
      reason: mute.reason,
      muted_by: mute.by,
      created_at: mute.createdAt,
    });
  }

  async remove(consultationId: string, userId: string): Promise<boolean> {
    assertKey(consultationId, 'consultationId');
    assertKey(userId, 'userId');
    return this.deleteMute.run(consultationId, userId).changes > 0;
  }

  async activeMute(consultationId: string, userId: string, now: string): Promise<Mute | null> {
    assertKey(consultationId, 'consultationId');
    assertKey(userId, 'userId');
    assertInstant(now, 'now');
    const row = this.selectActive.get(consultationId, userId, now);
    return row ? muteFromRow(row) : null;
  }

  async listActiveByConsultation(consultationId: string, now: string): Promise<Mute[]> {
    assertKey(consultationId, 'consultationId');
    assertInstant(now, 'now');
    return this.selectActiveByConsultation.all(consultationId, now).map(muteFromRow);
  }
}

function muteFromRow(row: MuteRow): Mute {
  return {
    consultationId: row.consultation_id,
    userId: row.user_id,
    until: row.until,
    reason: row.reason,
    by: row.muted_by,
    createdAt: row.created_at,
  };
}
