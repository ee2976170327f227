import { afterEach, describe, expect, it } from 'vitest';
import { startBareForumServer, type BareForumServer } from '../servers/bareForumServer';
import { runForumVotesLoad, type ForumVotesParams } from './forumVotesLoad';

let server: BareForumServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function smallRoom(origin: string): ForumVotesParams {
  return {
    server: 'socketio-bare',
    origin,
    participants: 30,
    joinRatePerS: 200,
    joinConcurrency: 10,
    joinTimeoutMs: 10_000,
    idleSettleMs: 50,
    pollShownTimeoutMs: 5_000,
    voteWindowMs: 500,
    settleTimeoutMs: 5_000,
    ackTimeoutMs: 5_000,
    doubleTapShare: 0.5,
    pollOptions: 3,
    seed: 7,
  };
}

describe('the forum vote workload against the bare Socket.io server', () => {
  it.each([
    ['one broadcast per vote', 0],
    ['results coalesced', 50],
  ])('joins everyone, counts every vote once and times it on every screen (%s)', async (_, ms) => {
    server = await startBareForumServer(0, '127.0.0.1', { resultsCoalesceMs: ms });
    const marks: string[] = [];
    const result = await runForumVotesLoad(smallRoom(`http://127.0.0.1:${server.port}`), (name) => {
      marks.push(name);
      return Promise.resolve(null);
    });

    expect(marks).toEqual(['joinStart', 'joined', 'idle', 'voteStart', 'voteEnd']);
    expect(result.participantsJoined).toBe(30);
    expect(result.joinFailures).toBe('0');
    expect(result.screens).toBe(32);
    expect(result.votesOk).toBe(30);
    expect(result.voteRefusals).toBe('0');
    expect(result.duplicatesSent).toBeGreaterThan(0);
    expect(result.duplicatesRefused).toBe(result.duplicatesSent);
    expect(result.pairsSeen).toBe(30 * 32);
    expect(result.pairsExpected).toBe(30 * 32);
    expect(result.screensWithFinalTally).toBe(32);
    expect(result.dropped).toBe('0');
    expect(result.pairP99Ms).not.toBeNull();
    expect(result.allScreensP99Ms).toBeGreaterThanOrEqual(result.pairP50Ms ?? Infinity);
  });

  it('fails the run when nobody can enter the room', async () => {
    server = await startBareForumServer(0, '127.0.0.1', { resultsCoalesceMs: 0 });
    const origin = `http://127.0.0.1:${server.port}`;
    await server.close();
    server = null;
    await expect(
      runForumVotesLoad(smallRoom(origin), () => Promise.resolve(null)),
    ).rejects.toThrow();
  });
});
