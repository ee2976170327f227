import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { timerRemainingMs } from '@atelier/domain';
import {
  ForumEvent,
  type CommitmentDto,
  type ConsultationDto,
  type ForumJoinedDto,
  type ForumSessionDto,
} from '@atelier/protocol';
import { ApiClient } from '../testing/apiClient';
import { startServerProcess, type ServerProcess } from '../testing/serverProcess';
import { TEST_ORIGIN } from '../testing/startTestServer';
import { demoPassword } from '../workspace/demo/demoContent';
import {
  joinSession,
  openForumSocket,
  send,
  type ForumClientSocket,
} from './testing/forumSocketClient';

const sockets: ForumClientSocket[] = [];
const processes: ServerProcess[] = [];

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  for (const running of processes.splice(0)) running.child.kill('SIGKILL');
});

async function start(dataDir: string): Promise<{ baseUrl: string; server: ServerProcess }> {
  // The demo (on first start) gives a consultation and a facilitator to sign in with.
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    PUBLIC_ORIGIN: TEST_ORIGIN,
    LOG_LEVEL: 'info',
  });
  processes.push(server);
  return { baseUrl: `http://127.0.0.1:${server.port}`, server };
}

function screen(baseUrl: string, identity: { cookie?: string | null; guestToken?: string | null }) {
  const socket = openForumSocket(baseUrl, identity);
  sockets.push(socket);
  return socket;
}

describe('a forum session and the server process killed', () => {
  it('nothing acknowledged is lost to SIGKILL: state, timers and votes come back', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-forum-kill-'));
    const first = await start(dataDir);
    const facilitatorApi = new ApiClient(first.baseUrl);
    await facilitatorApi.signIn('animatrice@atelier.demo', demoPassword);
    const [plan] = (await facilitatorApi.get<ConsultationDto[]>('/api/consultations')).body;
    const [commitment] = (
      await facilitatorApi.get<CommitmentDto[]>(`/api/consultations/${plan!.id}/commitments`)
    ).body;
    const session = (
      await facilitatorApi.post<ForumSessionDto>(`/api/consultations/${plan!.id}/forum-sessions`, {
        title: 'Forum Open d’État',
        scheduledAt: '2026-03-01T09:00:00.000Z',
        format: 'hybrid',
        agenda: [{ title: 'Engagement 1', durationMinutes: 30, commitmentId: commitment!.id }],
      })
    ).body;
    const guestToken = (
      await new ApiClient(first.baseUrl).post<ForumJoinedDto>('/api/forum/join', {
        code: session.joinCode,
        displayName: 'Aïcha',
        participantKind: 'civil_society',
      })
    ).body.guestToken!;

    const facilitator = screen(first.baseUrl, { cookie: facilitatorApi.sessionCookie });
    await joinSession(facilitator, session.id);
    await send(facilitator, ForumEvent.Start, { sessionId: session.id });
    const created = await send<{ pollId: string }>(facilitator, ForumEvent.CreatePoll, {
      sessionId: session.id,
      poll: {
        question: 'Priorité ?',
        kind: 'multiple',
        options: [{ label: 'A' }, { label: 'B' }, { label: 'C' }],
      },
    });
    const pollId = created.ok ? created.pollId : '';
    await send(facilitator, ForumEvent.OpenPoll, { sessionId: session.id, pollId });
    const guest = screen(first.baseUrl, { guestToken });
    const joined = await joinSession(guest, session.id);
    const [a, , c] = joined.snapshot.state.polls[0]!.options.map((option) => option.id);
    expect(
      await send(guest, ForumEvent.Vote, {
        sessionId: session.id,
        pollId,
        ballot: { kind: 'choice', optionIds: [a, c] },
      }),
    ).toEqual({ ok: true });
    const before = (await joinSession(guest, session.id)).snapshot;

    first.server.child.kill('SIGKILL');
    await first.server.exited;
    const second = await start(dataDir);

    const after = await joinSession(screen(second.baseUrl, { guestToken }), session.id);
    expect(after.snapshot.state).toEqual(before.state);
    expect(after.you.votedPollIds).toEqual([pollId]);
    expect(after.snapshot.results[0]).toMatchObject({
      voterCount: 1,
      totals: { [a!]: 1, [c!]: 1 },
    });
    const elapsed = after.snapshot.serverNowMs - before.serverNowMs;
    expect(timerRemainingMs(after.snapshot.state.itemTimer!, after.snapshot.serverNowMs)).toBe(
      Math.max(0, timerRemainingMs(before.state.itemTimer!, before.serverNowMs) - elapsed),
    );
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);
});
