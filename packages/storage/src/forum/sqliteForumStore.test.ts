import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../sqlite/openSqliteStorage';
import { aForumSession, aLiveState, describeForumStoreContract } from './forumStoreContract';

describeForumStoreContract('SQLite', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'atelier-forum-'));
  const storage = await openSqliteStorage({ filePath: join(directory, 'atelier.db') });
  return {
    store: storage.forum,
    cleanup: async () => {
      await storage.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
});

describe('SQLite forum store', () => {
  it('keeps sessions, participants and votes across a reopening of the file', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'atelier-forum-'));
    const filePath = join(directory, 'atelier.db');
    try {
      const session = aForumSession();
      const first = await openSqliteStorage({ filePath });
      await first.forum.createSession(session, aLiveState());
      await first.forum.saveState(session.id, aLiveState({ status: 'live', version: 2 }));
      await first.forum.recordVote({
        sessionId: session.id,
        pollId: 'poll-1',
        participantId: 'participant-1',
        ballot: { kind: 'choice', optionIds: ['o1'] },
        castAt: '2026-03-01T09:05:00.000Z',
      });
      await first.close();

      const second = await openSqliteStorage({ filePath });
      expect((await second.forum.findSession(session.id))?.state.status).toBe('live');
      expect(await second.forum.listVotes(session.id)).toHaveLength(1);
      await second.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
