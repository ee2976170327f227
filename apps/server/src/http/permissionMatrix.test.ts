import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decoding } from 'lib0';
import { AuthMessageType, CollabMessageType } from '@atelier/protocol';
import { ApiClient } from '../testing/apiClient';
import { eventually } from '../testing/eventually';
import { startWorkspaceServer, type RunningWorkspaceServer } from '../testing/startWorkspaceServer';
import {
  aUser,
  seedRolesScenario,
  TEST_PASSWORD,
  type RolesScenario,
} from '../testing/workspaceFixtures';
import { setUserDisabled } from '../workspace/commands/userCommands';
import { setMemberRole } from '../workspace/commands/memberCommands';

/**
 * Every role (and signed out, and a disabled account) against every action, on REST and on the
 * Yjs socket. The expected answers are the product's rules written out as a table.
 */
type Who =
  | 'signedOut'
  | 'stranger'
  | 'observer'
  | 'commenter'
  | 'contributor'
  | 'facilitator'
  | 'admin'
  | 'disabled';
const everyone: Who[] = [
  'signedOut',
  'stranger',
  'observer',
  'commenter',
  'contributor',
  'facilitator',
  'admin',
  'disabled',
];

let running: RunningWorkspaceServer;
let scenario: RolesScenario;
const clients = new Map<Who, ApiClient>();

beforeAll(async () => {
  running = await startWorkspaceServer({ apiRequestsPerMinute: 100_000 });
  scenario = await seedRolesScenario(running.context);
  const disabled = await aUser(running.context, { label: 'disabled' });
  await setMemberRole(
    running.context,
    scenario.admin,
    scenario.consultation.id,
    disabled.id,
    'contributor',
  );
  for (const who of everyone) {
    const api = new ApiClient(running.baseUrl);
    if (who === 'disabled') await api.signIn(disabled.email, TEST_PASSWORD);
    else if (who !== 'signedOut') await api.signIn(scenario.people[who].email, TEST_PASSWORD);
    clients.set(who, api);
  }
  // Signed in, then disabled: the cookie in hand must stop working everywhere.
  await setUserDisabled(running.context, scenario.admin, disabled.id, true);
});
afterAll(async () => running.stop());

const row = (values: [number, number, number, number, number, number, number, number]) =>
  Object.fromEntries(everyone.map((who, i) => [who, values[i]])) as Record<Who, number>;

//                                  out  strgr  obs  comm  contr  facil  admin  disab
const readable = row([401, 404, 200, 200, 200, 200, 200, 401]);
const facilitatorsOnly = row([401, 404, 403, 403, 403, 200, 200, 401]);
const facilitatorsCreate = row([401, 404, 403, 403, 403, 201, 201, 401]);

let attempt = 0;
const actions: Array<{
  name: string;
  expected: Record<Who, number>;
  run: (api: ApiClient) => Promise<number>;
}> = [
  {
    name: 'read the consultation',
    expected: readable,
    run: async (api) => (await api.get(`/api/consultations/${scenario.consultation.id}`)).status,
  },
  {
    name: 'list the members',
    expected: readable,
    run: async (api) =>
      (await api.get(`/api/consultations/${scenario.consultation.id}/members`)).status,
  },
  {
    name: 'list the commitments',
    expected: readable,
    run: async (api) =>
      (await api.get(`/api/consultations/${scenario.consultation.id}/commitments`)).status,
  },
  {
    name: 'read a commitment',
    expected: readable,
    run: async (api) => (await api.get(`/api/commitments/${scenario.commitment.id}`)).status,
  },
  {
    name: 'read the audit log',
    expected: facilitatorsOnly,
    run: async (api) =>
      (await api.get(`/api/consultations/${scenario.consultation.id}/audit`)).status,
  },
  {
    name: 'rename the consultation',
    expected: facilitatorsOnly,
    run: async (api) => {
      const title = `Titre ${++attempt}`;
      const status = (await api.patch(`/api/consultations/${scenario.consultation.id}`, { title }))
        .status;
      const stored = await running.context.store.consultations.findById(scenario.consultation.id);
      expect(stored?.title === title).toBe(status === 200);
      return status;
    },
  },
  {
    name: "change someone's role",
    expected: facilitatorsOnly,
    run: async (api) =>
      (
        await api.put(
          `/api/consultations/${scenario.consultation.id}/members/${scenario.people.observer.id}`,
          { role: 'observer' },
        )
      ).status,
  },
  {
    name: 'invite someone',
    expected: facilitatorsCreate,
    run: async (api) =>
      (
        await api.post(`/api/consultations/${scenario.consultation.id}/invitations`, {
          email: `guest${++attempt}@example.org`,
          role: 'observer',
        })
      ).status,
  },
  {
    name: 'create a commitment',
    expected: facilitatorsCreate,
    run: async (api) => {
      const before = (
        await running.context.store.commitments.listByConsultation(scenario.consultation.id)
      ).length;
      const status = (
        await api.post(`/api/consultations/${scenario.consultation.id}/commitments`, {
          title: 'Nouvel engagement',
          theme: { kind: 'thematic', label: 'Test' },
        })
      ).status;
      const after = (
        await running.context.store.commitments.listByConsultation(scenario.consultation.id)
      ).length;
      expect(after - before).toBe(status === 201 ? 1 : 0);
      return status;
    },
  },
  {
    name: 'rename a commitment',
    expected: facilitatorsOnly,
    run: async (api) =>
      (
        await api.patch(`/api/commitments/${scenario.commitment.id}`, {
          title: `Engagement ${++attempt}`,
        })
      ).status,
  },
  {
    name: 'lock and unlock a draft',
    expected: facilitatorsOnly,
    run: async (api) => {
      const status = (
        await api.patch(`/api/commitments/${scenario.commitment.id}`, { locked: true })
      ).status;
      if (status === 200)
        await api.patch(`/api/commitments/${scenario.commitment.id}`, { locked: false });
      expect(
        (await running.context.store.commitments.findById(scenario.commitment.id))?.locked,
      ).toBe(false);
      return status;
    },
  },
];

describe('REST permission matrix (members-only consultation, open)', () => {
  for (const action of actions) {
    it(action.name, async () => {
      const actual: Record<string, number> = {};
      for (const who of everyone) actual[who] = await action.run(clients.get(who)!);
      expect(actual).toEqual(action.expected);
    });
  }
});

/** Opens the commitment's draft as this person and reports what the server granted. */
async function draftAccessOf(who: Who, docName = scenario.commitment.docName): Promise<string> {
  const cookie = clients.get(who)!.sessionCookie;
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${running.port}/collab/${docName}`, {
      headers: cookie ? { cookie } : {},
    });
    socket.on('unexpected-response', (_request, response) =>
      resolve(`http ${response.statusCode}`),
    );
    socket.on('error', () => {});
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== CollabMessageType.Auth) return;
      if (decoding.readVarUint(decoder) !== AuthMessageType.AccessState) return;
      const state = JSON.parse(decoding.readVarString(decoder)) as {
        access: string;
        readOnlyReason?: string;
      };
      socket.close();
      resolve(state.readOnlyReason ? `${state.access} (${state.readOnlyReason})` : state.access);
    });
  });
}

describe('Yjs socket permission matrix', () => {
  it('grants edit, comment, view or nothing by role', async () => {
    const actual: Record<string, string> = {};
    for (const who of everyone) actual[who] = await draftAccessOf(who);
    expect(actual).toEqual({
      signedOut: 'http 401',
      stranger: 'http 403',
      observer: 'view (role_view_only)',
      commenter: 'comment (role_comment_only)',
      contributor: 'edit',
      facilitator: 'edit',
      admin: 'edit',
      disabled: 'http 401',
    });
  });

  it("another consultation's draft is refused to its non-members", async () => {
    expect(await draftAccessOf('facilitator', scenario.otherCommitment.docName)).toBe('http 403');
    expect(await draftAccessOf('admin', scenario.otherCommitment.docName)).toBe('edit');
  });

  it('a locked draft is writable by facilitators only; a closed consultation by nobody', async () => {
    const facilitator = clients.get('facilitator')!;
    await facilitator.patch(`/api/commitments/${scenario.commitment.id}`, { locked: true });
    try {
      // Locked text can still be commented on: the lock stops writing, not the conversation.
      expect(await draftAccessOf('contributor')).toBe('comment (draft_locked)');
      expect(await draftAccessOf('facilitator')).toBe('edit');
    } finally {
      await facilitator.patch(`/api/commitments/${scenario.commitment.id}`, { locked: false });
    }
    await facilitator.patch(`/api/consultations/${scenario.consultation.id}`, { status: 'closed' });
    try {
      expect(await draftAccessOf('facilitator')).toBe('view (consultation_closed)');
      expect(await draftAccessOf('commenter')).toBe('view (consultation_closed)');
      // A closed consultation refuses REST writes to its texts too.
      const create = await facilitator.post(
        `/api/consultations/${scenario.consultation.id}/commitments`,
        { title: 'Trop tard', theme: { kind: 'thematic', label: 'x' } },
      );
      expect(create.status).toBe(409);
    } finally {
      await facilitator.patch(`/api/consultations/${scenario.consultation.id}`, { status: 'open' });
    }
  });

  it('a public consultation is readable signed out, as a read-only draft', async () => {
    await clients
      .get('facilitator')!
      .patch(`/api/consultations/${scenario.consultation.id}`, { visibility: 'public' });
    try {
      expect(
        (await clients.get('signedOut')!.get(`/api/consultations/${scenario.consultation.id}`))
          .status,
      ).toBe(200);
      expect(await draftAccessOf('signedOut')).toBe('view (signed_out)');
      expect(await draftAccessOf('stranger')).toBe('view (role_view_only)');
    } finally {
      await clients
        .get('facilitator')!
        .patch(`/api/consultations/${scenario.consultation.id}`, { visibility: 'members' });
    }
  });

  it('a muted member reads the draft but may neither write nor comment until unmuted', async () => {
    const facilitator = clients.get('facilitator')!;
    const path = `/api/consultations/${scenario.consultation.id}/mutes/${scenario.people.contributor.id}`;
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect((await facilitator.put(path, { until, reason: 'Pause demandée' })).status).toBe(200);
    try {
      expect(await draftAccessOf('contributor')).toBe('view (muted)');
    } finally {
      expect((await facilitator.delete(path)).status).toBe(204);
    }
    expect(await draftAccessOf('contributor')).toBe('edit');
  });

  it('disabling an account ends its open sockets within a second', async () => {
    const member = await aUser(running.context, { label: 'soon-disabled' });
    await setMemberRole(
      running.context,
      scenario.admin,
      scenario.consultation.id,
      member.id,
      'contributor',
    );
    const api = new ApiClient(running.baseUrl);
    await api.signIn(member.email, TEST_PASSWORD);
    const socket = new WebSocket(
      `ws://127.0.0.1:${running.port}/collab/${scenario.commitment.docName}`,
      {
        headers: { cookie: api.sessionCookie! },
      },
    );
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const started = Date.now();
    await clients.get('admin')!.patch(`/api/users/${member.id}`, { disabled: true });
    expect(await closed).toBe(4403);
    expect(Date.now() - started).toBeLessThan(1_000);
    await eventually(async () => expect((await api.get('/api/me')).status).toBe(401));
  });
});
