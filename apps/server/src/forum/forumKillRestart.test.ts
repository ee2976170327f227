import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { timerRemainingMs } from '@atelier/domain';
import { ForumEvent, type CommitmentDto, type ConsultationDto } from '@atelier/protocol';
import { ApiClient } from '../testing/apiClient';
import { startServerProcess, type ServerProcess } from '../testing/serverProcess';
import { TEST_ORIGIN } from '../testing/startTestServer';
import { demoPassword } from '../workspace/demo/demoContent';
import { forumScreens } from './testing/forumScreens';
import { joinAsGuest, scheduleForumSession } from './testing/forumRequests';
import { joinSession, send } from './testing/forumSocketClient';

const screens = forumScreens();
const processes: ServerProcess[] = [];

afterEach(() => {
  screens.closeAll();
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
    const session = await scheduleForumSession(facilitatorApi, plan!.id, {
      title: 'Forum Open d’État',
      format: 'hybrid',
      agenda: [{ title: 'Engagement 1', durationMinutes: 30, commitmentId: commitment!.id }],
    });
    const { guestToken } = await joinAsGuest(first.baseUrl, {
      code: session.joinCode,
      displayName: 'Aïcha',
      participantKind: 'civil_society',
    });

    const facilitator = screens.open(first.baseUrl, { cookie: facilitatorApi.sessionCookie });
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
    const guest = screens.open(first.baseUrl, { guestToken });
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

    const after = await joinSession(screens.open(second.baseUrl, { guestToken }), session.id);
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
