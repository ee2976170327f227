import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commitmentDtoSchema,
  consultationDtoSchema,
  meDtoSchema,
  memberDtoSchema,
} from '@atelier/protocol';
import { ApiClient } from '../testing/apiClient';
import { startWorkspaceServer, type RunningWorkspaceServer } from '../testing/startWorkspaceServer';
import {
  aUser,
  seedRolesScenario,
  TEST_PASSWORD,
  type RolesScenario,
} from '../testing/workspaceFixtures';

let running: RunningWorkspaceServer;
let scenario: RolesScenario;

beforeAll(async () => {
  running = await startWorkspaceServer();
  scenario = await seedRolesScenario(running.context);
});
afterAll(async () => running.stop());

const client = () => new ApiClient(running.baseUrl);
async function signedInAs(role: keyof RolesScenario['people']) {
  const api = client();
  await api.signIn(scenario.people[role].email, TEST_PASSWORD);
  return api;
}

describe('sign-in and sessions', () => {
  it('signs in with email and password, sets an HttpOnly SameSite=Lax cookie, and /me answers', async () => {
    const api = client();
    const response = await fetch(`${running.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'atelier' },
      body: JSON.stringify({
        email: scenario.people.contributor.email.toUpperCase(),
        password: TEST_PASSWORD,
      }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^atelier_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    meDtoSchema.parse(await response.json());

    await api.signIn(scenario.people.contributor.email, TEST_PASSWORD);
    const me = await api.get<{ id: string; memberships: unknown[] }>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(scenario.people.contributor.id);
    expect(me.body.memberships).toEqual([
      { consultationId: scenario.consultation.id, role: 'contributor' },
    ]);
  });

  it('gives a new session id at every sign-in and ends the old one', async () => {
    const api = client();
    await api.signIn(scenario.people.observer.email, TEST_PASSWORD);
    const first = api.sessionCookie;
    await api.signIn(scenario.people.observer.email, TEST_PASSWORD);
    expect(api.sessionCookie).not.toBe(first);
    const stale = new ApiClient(running.baseUrl);
    const response = await fetch(`${running.baseUrl}/api/me`, { headers: { cookie: first! } });
    expect(response.status).toBe(401);
    expect(stale).toBeDefined();
  });

  it('refuses a wrong password with 401 and the same message as an unknown email', async () => {
    const wrong = await client().post<{ error: { code: string; message: string } }>(
      '/api/auth/login',
      {
        email: scenario.people.commenter.email,
        password: 'not the password at all',
      },
    );
    const unknown = await client().post<{ error: { code: string; message: string } }>(
      '/api/auth/login',
      {
        email: 'nobody@example.org',
        password: 'not the password at all',
      },
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('throttles repeated failures for one account with 429', async () => {
    const victim = await aUser(running.context, { label: 'victim' });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      statuses.push(
        (
          await client().post('/api/auth/login', {
            email: victim.email,
            password: `guess number ${i}`,
          })
        ).status,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Even the right password waits out the lockout.
    expect(
      (await client().post('/api/auth/login', { email: victim.email, password: TEST_PASSWORD }))
        .status,
    ).toBe(429);
  });

  it('logout ends the session', async () => {
    const api = await signedInAs('observer');
    const cookie = api.sessionCookie!;
    expect((await api.post('/api/auth/logout')).status).toBe(204);
    expect((await fetch(`${running.baseUrl}/api/me`, { headers: { cookie } })).status).toBe(401);
  });
});

describe('CSRF defence', () => {
  it('refuses state-changing requests without the custom header or from another origin', async () => {
    const api = await signedInAs('facilitator');
    const noHeader = await api.request(
      'PATCH',
      `/api/consultations/${scenario.consultation.id}`,
      { title: 'Piraté' },
      { csrf: false },
    );
    expect(noHeader.status).toBe(403);
    expect(noHeader.body).toMatchObject({ error: { code: 'csrf_check_failed' } });
    const foreign = await api.request(
      'PATCH',
      `/api/consultations/${scenario.consultation.id}`,
      { title: 'Piraté' },
      {
        headers: { origin: 'https://evil.example' },
      },
    );
    expect(foreign.status).toBe(403);
    const consultation = await running.context.store.consultations.findById(
      scenario.consultation.id,
    );
    expect(consultation?.title).not.toBe('Piraté');
  });
});

describe('consultations, members, invitations, commitments', () => {
  it('an admin creates a consultation and becomes its facilitator; a slug is unique', async () => {
    const api = client();
    await api.signIn(scenario.admin.email, TEST_PASSWORD);
    const created = await api.post('/api/consultations', {
      title: 'Plan 2024-2026',
      slug: 'plan-2024-2026',
      visibility: 'public',
    });
    expect(created.status).toBe(201);
    const dto = consultationDtoSchema.parse(created.body);
    expect(dto).toMatchObject({ status: 'draft', myRole: 'facilitator', visibility: 'public' });
    const again = await api.post('/api/consultations', {
      title: 'Plan bis',
      slug: 'plan-2024-2026',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'slug_taken' } });
  });

  it('a facilitator creates a commitment whose draft is seeded, lists and patches it, and the audit log shows it', async () => {
    const api = await signedInAs('facilitator');
    const created = await api.post(`/api/consultations/${scenario.consultation.id}/commitments`, {
      title: 'Associer les citoyens au budget',
      theme: { kind: 'thematic', label: 'Budget participatif' },
    });
    expect(created.status).toBe(201);
    const commitment = commitmentDtoSchema.parse(created.body);
    expect(commitment.number).toBe(2);
    expect(commitment.docName).toBe(`commitment-${commitment.id}`);
    expect(
      (await running.storage.documents.loadDocument(commitment.docName)).lastSeq,
    ).toBeGreaterThan(0);

    const list = await api.get<unknown[]>(
      `/api/consultations/${scenario.consultation.id}/commitments`,
    );
    expect(list.body.map((c) => commitmentDtoSchema.parse(c).number)).toEqual([1, 2]);

    const locked = await api.patch(`/api/commitments/${commitment.id}`, {
      locked: true,
      status: 'in_review',
    });
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({ locked: true, status: 'in_review' });

    const audit = await api.get<Array<{ action: string }>>(
      `/api/consultations/${scenario.consultation.id}/audit`,
    );
    expect(audit.status).toBe(200);
    const actions = audit.body.map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'commitment.created',
        'commitment.locked',
        'commitment.status_changed',
      ]),
    );
  });

  it('members and roles: list, change, remove; the last facilitator cannot leave', async () => {
    const api = await signedInAs('facilitator');
    const members = await api.get<unknown[]>(
      `/api/consultations/${scenario.consultation.id}/members`,
    );
    expect(members.status).toBe(200);
    expect(members.body.map((m) => memberDtoSchema.parse(m).role).sort()).toEqual(
      ['commenter', 'contributor', 'facilitator', 'facilitator', 'observer'].sort(),
    );
    const newcomer = await aUser(running.context, { label: 'newcomer' });
    const put = await api.put(
      `/api/consultations/${scenario.consultation.id}/members/${newcomer.id}`,
      { role: 'commenter' },
    );
    expect(put.status).toBe(200);
    expect(
      (await api.delete(`/api/consultations/${scenario.consultation.id}/members/${newcomer.id}`))
        .status,
    ).toBe(204);
    expect(
      (await api.delete(`/api/consultations/${scenario.consultation.id}/members/${newcomer.id}`))
        .status,
    ).toBe(404);
  });

  it('an invitation creates the account, signs the person in, and cannot be used twice', async () => {
    const facilitator = await signedInAs('facilitator');
    const invitation = await facilitator.post<{ token: string; url: string; emailSent: boolean }>(
      `/api/consultations/${scenario.consultation.id}/invitations`,
      { email: 'Nouvelle.Personne@Example.org', role: 'contributor' },
    );
    expect(invitation.status).toBe(201);
    expect(invitation.body.url).toBe(`http://atelier.test/invitations/${invitation.body.token}`);
    expect(invitation.body.emailSent).toBe(false);

    const invitee = client();
    const accepted = await invitee.post(`/api/invitations/${invitation.body.token}/accept`, {
      displayName: 'Nouvelle Personne',
      password: 'un mot de passe assez long',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      email: 'nouvelle.personne@example.org',
      memberships: [{ role: 'contributor' }],
    });
    expect((await invitee.get('/api/me')).status).toBe(200);

    const reused = await client().post(`/api/invitations/${invitation.body.token}/accept`, {
      displayName: 'Encore',
      password: 'un mot de passe assez long',
    });
    expect(reused.status).toBe(410);
    expect(reused.body).toMatchObject({ error: { code: 'invitation_used' } });
  });

  it('an expired invitation is refused with 410', async () => {
    const facilitator = await signedInAs('facilitator');
    const invitation = await facilitator.post<{ token: string }>(
      `/api/consultations/${scenario.consultation.id}/invitations`,
      {
        email: 'late@example.org',
        role: 'observer',
      },
    );
    const stored = (
      await running.context.store.invitations.listByConsultation(scenario.consultation.id)
    ).find((i) => i.email === 'late@example.org')!;
    // Age the invitation in the store itself.
    const { createHash } = await import('node:crypto');
    expect(stored.tokenHash).toBe(createHash('sha256').update(invitation.body.token).digest('hex'));
    const originalNow = running.context.now;
    (running.context as { now: () => Date }).now = () => new Date(Date.now() + 15 * 24 * 3_600_000);
    try {
      const response = await client().post(`/api/invitations/${invitation.body.token}/accept`, {
        displayName: 'Trop tard',
        password: 'un mot de passe assez long',
      });
      expect(response.status).toBe(410);
      expect(response.body).toMatchObject({ error: { code: 'invitation_expired' } });
    } finally {
      (running.context as { now: () => Date }).now = originalNow;
    }
  });

  it('serves an OpenAPI 3.1 document listing every route', async () => {
    const response = await client().get<{
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    }>('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    for (const [path, method] of [
      ['/auth/login', 'post'],
      ['/me', 'get'],
      ['/organisations', 'post'],
      ['/consultations/{id}', 'patch'],
      ['/consultations/{id}/members/{userId}', 'put'],
      ['/consultations/{id}/invitations', 'post'],
      ['/invitations/{token}/accept', 'post'],
      ['/consultations/{id}/commitments', 'post'],
      ['/commitments/{id}', 'patch'],
      ['/consultations/{id}/audit', 'get'],
    ] as const) {
      expect(response.body.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
  });
});

describe('bad input gets a clear 4xx and writes nothing', () => {
  const errorCode = (body: unknown) => (body as { error: { code: string } }).error.code;

  it('unknown fields, wrong types, malformed JSON, a huge body, a non-JSON body', async () => {
    const api = await signedInAs('facilitator');
    const path = `/api/consultations/${scenario.consultation.id}`;
    const unknownField = await api.patch(path, { title: 'Titre valide', isAdmin: true });
    expect([unknownField.status, errorCode(unknownField.body)]).toEqual([400, 'validation_failed']);
    const wrongType = await api.patch(path, { title: 42 });
    expect([wrongType.status, errorCode(wrongType.body)]).toEqual([400, 'validation_failed']);
    const malformed = await api.request('PATCH', path, undefined, { rawBody: '{"title": "oops",' });
    expect([malformed.status, errorCode(malformed.body)]).toEqual([400, 'malformed_json']);
    const huge = await api.request('PATCH', path, undefined, {
      rawBody: JSON.stringify({ description: 'x'.repeat(200_000) }),
    });
    expect([huge.status, errorCode(huge.body)]).toEqual([413, 'body_too_large']);
    const form = await api.request('PATCH', path, undefined, {
      rawBody: 'title=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect([form.status, errorCode(form.body)]).toEqual([415, 'unsupported_media_type']);
    expect(
      (await running.context.store.consultations.findById(scenario.consultation.id))?.title,
    ).toBe(scenario.consultation.title);
  });

  it('MongoDB operator injection in a login is a validation error, not a match', async () => {
    const response = await client().post('/api/auth/login', {
      email: { $ne: null },
      password: { $ne: null },
    });
    expect([response.status, errorCode(response.body)]).toEqual([400, 'validation_failed']);
  });

  it("unknown ids are 404; another consultation's commitment is 404 for non-members", async () => {
    const api = await signedInAs('facilitator');
    const unknown = await api.get('/api/commitments/does-not-exist');
    expect([unknown.status, errorCode(unknown.body)]).toEqual([404, 'commitment_not_found']);
    const elsewhere = await api.patch(`/api/commitments/${scenario.otherCommitment.id}`, {
      locked: true,
    });
    expect([elsewhere.status, errorCode(elsewhere.body)]).toEqual([404, 'commitment_not_found']);
    const otherMembers = await api.put(
      `/api/consultations/${scenario.otherConsultation.id}/members/${scenario.people.contributor.id}`,
      {
        role: 'facilitator',
      },
    );
    expect([otherMembers.status, errorCode(otherMembers.body)]).toEqual([
      404,
      'consultation_not_found',
    ]);
    expect(
      (await running.context.store.commitments.findById(scenario.otherCommitment.id))?.locked,
    ).toBe(false);
    expect(
      await running.context.store.memberships.find(
        scenario.otherConsultation.id,
        scenario.people.contributor.id,
      ),
    ).toBeNull();
  });

  it('an invalid status transition is a 409', async () => {
    const api = await signedInAs('facilitator');
    const response = await api.patch(`/api/consultations/${scenario.consultation.id}`, {
      status: 'archived',
    });
    expect([response.status, errorCode(response.body)]).toEqual([409, 'invalid_status_transition']);
  });
});

describe('session timeouts', () => {
  it('a session unused for longer than the idle timeout ends', async () => {
    const shortLived = await startWorkspaceServer({ idleMs: 300 });
    try {
      const user = await aUser(shortLived.context, { label: 'idle' });
      const api = new ApiClient(shortLived.baseUrl);
      await api.signIn(user.email, TEST_PASSWORD);
      expect((await api.get('/api/me')).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await api.get('/api/me')).status).toBe(401);
    } finally {
      await shortLived.stop();
    }
  });
});
