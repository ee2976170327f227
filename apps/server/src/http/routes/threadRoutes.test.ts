import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorForQuote } from '@atelier/collab';
import { COMMENT_BODY_MAX_CHARS, type CommentRound, type User } from '@atelier/domain';
import {
  commentDtoSchema,
  commentRoundDtoSchema,
  commentThreadDtoSchema,
  type CommentDto,
  type CommentRoundDto,
  type CommentThreadDto,
  type ErrorBodyDto,
} from '@atelier/protocol';
import { docFromStored } from '../../collab/storedDocument';
import { ApiClient } from '../../testing/apiClient';
import { signedInClient } from '../../testing/signedInClient';
import {
  startWorkspaceServer,
  type RunningWorkspaceServer,
} from '../../testing/startWorkspaceServer';
import {
  aMember,
  anOpenRound,
  aUser,
  seedRolesScenario,
  type RolesScenario,
} from '../../testing/workspaceFixtures';

let running: RunningWorkspaceServer;
let scenario: RolesScenario;
let openRound: CommentRound;

const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

beforeAll(async () => {
  running = await startWorkspaceServer({ apiRequestsPerMinute: 100_000 });
  scenario = await seedRolesScenario(running.context);
  openRound = await anOpenRound(running.context, scenario);
});
afterAll(async () => running.stop());

/** A new commenter of the consultation, signed in: each test spends its own comment budget. */
async function aCommenter(role: 'commenter' | 'contributor' = 'commenter') {
  const user = await aMember(running.context, scenario, role);
  return { user, api: await signedInAs(user) };
}

const signedInAs = (user: User): Promise<ApiClient> => signedInClient(running.baseUrl, user);

const threadsPath = () => `/api/commitments/${scenario.commitment.id}/threads`;
const storedThreadCount = async () =>
  (await running.context.store.commentThreads.listByCommitment(scenario.commitment.id)).length;

describe('threads and comments', () => {
  it('stores HTML and script as text and returns it exactly, with the author and their kind', async () => {
    const { user, api } = await aCommenter();
    const body =
      '<script>alert("x")</script> <img src=x onerror=alert(1)> & "quotes" é\n<b>gras</b>';
    const created = await api.post<CommentThreadDto>(threadsPath(), { body });
    expect(created.status).toBe(201);
    commentThreadDtoSchema.parse(created.body);
    expect(created.body.roundId).toBe(openRound.id);
    expect(created.headers.get('content-type')).toMatch(/^application\/json/);

    const listed = await api.get<CommentThreadDto[]>(threadsPath());
    const thread = listed.body.find((t) => t.id === created.body.id)!;
    expect(thread.comments[0]!.display).toEqual({ kind: 'visible', body, edited: false });
    expect(thread.comments[0]!.author).toEqual({
      userId: user.id,
      displayName: user.displayName,
      participantKind: 'citizen',
    });
    expect(thread.anchor).toBeNull();
    expect(thread.anchorStatus).toBeNull();
  });

  it('refuses a comment over the length limit, and unknown fields, storing nothing', async () => {
    const { api } = await aCommenter();
    const before = await storedThreadCount();
    const tooLong = await api.post<ErrorBodyDto>(threadsPath(), {
      body: 'a'.repeat(COMMENT_BODY_MAX_CHARS + 1),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('validation_failed');
    const extra = await api.post<ErrorBodyDto>(threadsPath(), { body: 'Bonjour', html: '<b>' });
    expect(extra.status).toBe(400);
    expect(await storedThreadCount()).toBe(before);
  });

  it('refuses an anchor made on another document, and one that is not an anchor', async () => {
    const { api } = await aCommenter();
    const before = await storedThreadCount();
    const otherDoc = docFromStored(
      await running.context.documents.loadDocument(scenario.otherCommitment.docName),
    );
    const creation = anchorForQuote(otherDoc, 'Un engagement ailleurs');
    if (!creation.ok) throw new Error(creation.reason);
    const foreign = await api.post<ErrorBodyDto>(threadsPath(), {
      body: 'Sur ce passage',
      anchor: creation.anchor,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.code).toBe('invalid_anchor');
    const forged = await api.post<ErrorBodyDto>(threadsPath(), {
      body: 'Sur ce passage',
      anchor: { start: 'AAAA', end: 'AAAA', quote: 'x', prefix: '', suffix: '' },
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('invalid_anchor');
    expect(await storedThreadCount()).toBe(before);

    // The same words anchored on this commitment's own draft are accepted and attached.
    const ownDoc = docFromStored(
      await running.context.documents.loadDocument(scenario.commitment.docName),
    );
    const own = anchorForQuote(ownDoc, 'Ouvrir les données publiques');
    if (!own.ok) throw new Error(own.reason);
    const accepted = await api.post<CommentThreadDto>(threadsPath(), {
      body: 'Sur le titre',
      anchor: own.anchor,
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.anchorStatus).toMatchObject({
      status: 'attached',
      text: 'Ouvrir les données publiques',
    });
  });

  it('refuses comments in a closed round with round_not_open; what was said stays readable', async () => {
    const { api } = await aCommenter();
    const created = await api.post<CommentThreadDto>(threadsPath(), { body: 'Avant la clôture' });
    const closed: CommentRound = {
      ...openRound,
      id: running.context.newId(),
      opensAt: hours(-10),
      closesAt: hours(-1),
    };
    await running.context.store.commentRounds.create(closed);
    const late = await api.post<ErrorBodyDto>(threadsPath(), { body: 'Après', roundId: closed.id });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('round_not_open');

    // Closing the open round early (facilitator), then replying in it.
    const facilitator = await signedInAs(scenario.people.facilitator);
    const short: CommentRound = { ...openRound, id: running.context.newId(), closesAt: hours(2) };
    await running.context.store.commentRounds.create(short);
    const inRound = await api.post<CommentThreadDto>(threadsPath(), {
      body: 'Dans le tour',
      roundId: short.id,
    });
    expect(inRound.status).toBe(201);
    const closing = await facilitator.patch<CommentRoundDto>(
      `/api/rounds/${inRound.body.roundId}`,
      {
        closeNow: true,
      },
    );
    expect(closing.status).toBe(200);
    expect(closing.body.phase).toBe('closed');
    const reply = await api.post<ErrorBodyDto>(`/api/threads/${inRound.body.id}/comments`, {
      body: 'Encore un mot',
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('round_not_open');
    const listed = await api.get<CommentThreadDto[]>(threadsPath());
    expect(listed.body.map((t) => t.id)).toEqual(
      expect.arrayContaining([created.body.id, inRound.body.id]),
    );
  });

  it('refuses a reply to a thread whose first comment is hidden', async () => {
    const { api } = await aCommenter();
    const created = await api.post<CommentThreadDto>(threadsPath(), { body: 'Propos déplacé' });
    await running.context.store.commentThreads.setCommentHidden(created.body.comments[0]!.id, {
      at: new Date().toISOString(),
      reason: 'Hors charte',
      byRole: 'facilitator',
    });
    const other = await aCommenter();
    const reply = await other.api.post<ErrorBodyDto>(`/api/threads/${created.body.id}/comments`, {
      body: 'Je réponds quand même',
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('thread_hidden');
    const listed = await api.get<CommentThreadDto[]>(threadsPath());
    const thread = listed.body.find((t) => t.id === created.body.id)!;
    expect(thread.comments).toHaveLength(1);
    expect(thread.comments[0]!.display).toMatchObject({ kind: 'hidden', reason: 'Hors charte' });
  });

  it('cuts a flood of comments off with 429 too_many_comments, storing nothing', async () => {
    const { api } = await aCommenter();
    for (let i = 0; i < 5; i++) {
      expect((await api.post(threadsPath(), { body: `Message ${i}` })).status).toBe(201);
    }
    const before = await storedThreadCount();
    const flooded = await api.post<ErrorBodyDto>(threadsPath(), { body: 'Un de trop' });
    expect(flooded.status).toBe(429);
    expect(flooded.body.error.code).toBe('too_many_comments');
    expect(await storedThreadCount()).toBe(before);
    // Someone else is not affected.
    expect((await (await aCommenter()).api.post(threadsPath(), { body: 'Moi' })).status).toBe(201);
  });

  it('refuses a muted participant', async () => {
    const { user, api } = await aCommenter();
    await running.context.store.mutes.upsert({
      consultationId: scenario.consultation.id,
      userId: user.id,
      until: hours(1),
      reason: 'Insultes',
      by: scenario.people.facilitator.id,
      createdAt: new Date().toISOString(),
    });
    const response = await api.post<ErrorBodyDto>(threadsPath(), { body: 'Je suis muet ?' });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('muted');
  });

  it('edits, deletes (leaving "comment deleted" before a reply), reacts by organisation kind', async () => {
    const author = await aCommenter('contributor');
    const created = await author.api.post<CommentThreadDto>(threadsPath(), {
      body: 'Premier jet',
      mentions: [scenario.people.facilitator.id],
    });
    const rootId = created.body.comments[0]!.id;
    expect(created.body.comments[0]!.mentions).toEqual([
      {
        userId: scenario.people.facilitator.id,
        displayName: scenario.people.facilitator.displayName,
      },
    ]);
    const stranger = await aUser(running.context, { label: 'not-member' });
    const badMention = await author.api.post<ErrorBodyDto>(threadsPath(), {
      body: 'Coucou',
      mentions: [stranger.id],
    });
    expect(badMention.body.error.code).toBe('invalid_mention');

    const edited = await author.api.patch<CommentDto>(`/api/comments/${rootId}`, {
      body: 'Second jet',
    });
    expect(edited.status).toBe(200);
    commentDtoSchema.parse(edited.body);
    expect(edited.body.display).toEqual({ kind: 'visible', body: 'Second jet', edited: true });

    // Reactions: the facilitator's organisation is an administration, the author has none.
    const facilitator = await signedInAs(scenario.people.facilitator);
    const agreed = await facilitator.put<CommentDto>(`/api/comments/${rootId}/reaction`, {
      kind: 'agree',
    });
    await author.api.put(`/api/comments/${rootId}/reaction`, { kind: 'disagree' });
    const reacted = await facilitator.put<CommentDto>(`/api/comments/${rootId}/reaction`, {
      kind: 'agree',
    });
    expect(agreed.body.myReaction).toBe('agree');
    expect(reacted.body.reactions.agree).toMatchObject({ administration: 1, citizen: 0 });
    expect(reacted.body.reactions.disagree).toMatchObject({ administration: 0, citizen: 1 });
    const bad = await facilitator.put<ErrorBodyDto>(`/api/comments/${rootId}/reaction`, {
      kind: 'love',
    });
    expect(bad.status).toBe(400);
    const withdrawn = await facilitator.delete<CommentDto>(`/api/comments/${rootId}/reaction`);
    expect(withdrawn.body.myReaction).toBeNull();

    const reply = await facilitator.post<CommentDto>(`/api/threads/${created.body.id}/comments`, {
      body: 'Merci',
    });
    expect(reply.status).toBe(201);
    expect((await author.api.delete(`/api/comments/${rootId}`)).status).toBe(204);
    let thread = (await author.api.get<CommentThreadDto[]>(threadsPath())).body.find(
      (t) => t.id === created.body.id,
    )!;
    expect(thread.comments.map((c) => c.display.kind)).toEqual(['deleted', 'visible']);
    expect(thread.comments[0]!.author).toBeNull();

    // The reply deleted too: nothing is left after the first, the thread goes away.
    expect((await facilitator.delete(`/api/comments/${reply.body.id}`)).status).toBe(204);
    thread = (await author.api.get<CommentThreadDto[]>(threadsPath())).body.find(
      (t) => t.id === created.body.id,
    )!;
    expect(thread).toBeUndefined();
  });

  it('resolves, reopens and records a reasoned response, audited', async () => {
    const { api } = await aCommenter();
    const created = await api.post<CommentThreadDto>(threadsPath(), { body: 'À préciser' });
    const facilitator = await signedInAs(scenario.people.facilitator);
    const resolved = await facilitator.post<CommentThreadDto>(
      `/api/threads/${created.body.id}/resolve`,
    );
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolvedBy: { userId: scenario.people.facilitator.id },
    });
    const reopened = await facilitator.post<CommentThreadDto>(
      `/api/threads/${created.body.id}/reopen`,
    );
    expect(reopened.body).toMatchObject({ status: 'open', resolvedBy: null });
    const responded = await facilitator.put<CommentThreadDto>(
      `/api/threads/${created.body.id}/response`,
      { disposition: 'partially_accepted', reason: 'Repris au jalon 2.', draftVersion: 'v3' },
    );
    expect(responded.status).toBe(200);
    expect(responded.body.response).toMatchObject({
      disposition: 'partially_accepted',
      reason: 'Repris au jalon 2.',
      draftVersion: 'v3',
      respondedBy: { userId: scenario.people.facilitator.id },
    });
    const invalid = await facilitator.put<ErrorBodyDto>(
      `/api/threads/${created.body.id}/response`,
      {
        disposition: 'maybe',
        reason: 'x',
      },
    );
    expect(invalid.status).toBe(400);
    const audit = await running.context.store.audit.listByConsultation(
      scenario.consultation.id,
      50,
    );
    expect(audit.find((e) => e.action === 'thread.responded')).toMatchObject({
      target: `thread:${created.body.id}`,
      details: { disposition: 'partially_accepted' },
    });
  });

  it('lists every comment route in the OpenAPI document', async () => {
    const response = await new ApiClient(running.baseUrl).get<{
      paths: Record<string, Record<string, unknown>>;
    }>('/api/openapi.json');
    for (const [path, method] of [
      ['/consultations/{id}/rounds', 'get'],
      ['/consultations/{id}/rounds', 'post'],
      ['/rounds/{id}', 'patch'],
      ['/rounds/{id}/join', 'post'],
      ['/commitments/{id}/threads', 'get'],
      ['/commitments/{id}/threads', 'post'],
      ['/threads/{id}/comments', 'post'],
      ['/comments/{id}', 'patch'],
      ['/comments/{id}', 'delete'],
      ['/comments/{id}/reaction', 'put'],
      ['/comments/{id}/reaction', 'delete'],
      ['/threads/{id}/resolve', 'post'],
      ['/threads/{id}/reopen', 'post'],
      ['/threads/{id}/response', 'put'],
    ] as const) {
      expect(response.body.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
  });
});

describe('comment rounds', () => {
  it('opens, lists with participation, changes and closes a round, audited', async () => {
    const facilitator = await signedInAs(scenario.people.facilitator);
    const path = `/api/consultations/${scenario.consultation.id}/rounds`;
    const created = await facilitator.post<CommentRoundDto>(path, {
      title: 'Tour de printemps',
      instructions: 'Commentez les jalons.',
      opensAt: hours(-1),
      closesAt: hours(24 * 21),
      commitmentIds: [scenario.otherCommitment.id],
    });
    expect(created.status).toBe(400); // a commitment of another consultation
    const opened = await facilitator.post<CommentRoundDto>(path, {
      title: 'Tour de printemps',
      instructions: 'Commentez les jalons.',
      opensAt: hours(-1),
      closesAt: hours(24 * 21),
      commitmentIds: [scenario.commitment.id],
    });
    expect(opened.status).toBe(201);
    commentRoundDtoSchema.parse(opened.body);
    expect(opened.body.phase).toBe('open');
    const backwards = await facilitator.patch<ErrorBodyDto>(`/api/rounds/${opened.body.id}`, {
      closesAt: hours(-5),
    });
    expect(backwards.status).toBe(400);

    const { api } = await aCommenter();
    await api.post(threadsPath(), { body: 'Dans le tour de printemps', roundId: opened.body.id });
    const listed = await api.get<CommentRoundDto[]>(path);
    const round = listed.body.find((r) => r.id === opened.body.id)!;
    expect(round.participation).toEqual([
      {
        commitmentId: scenario.commitment.id,
        threads: 1,
        comments: 1,
        contributors: 1,
        contributorsByKind: { administration: 0, civil_society: 0, other: 0, citizen: 1 },
      },
    ]);
    const changed = await facilitator.patch<CommentRoundDto>(`/api/rounds/${opened.body.id}`, {
      instructions: 'Commentez surtout le budget.',
    });
    expect(changed.body.instructions).toBe('Commentez surtout le budget.');
    const closed = await facilitator.patch<CommentRoundDto>(`/api/rounds/${opened.body.id}`, {
      closeNow: true,
    });
    expect(closed.body.phase).toBe('closed');
    const audit = await running.context.store.audit.listByConsultation(
      scenario.consultation.id,
      50,
    );
    const actions = audit
      .filter((e) => e.target === `round:${opened.body.id}`)
      .map((e) => e.action);
    expect(actions).toEqual(['round.closed', 'round.updated', 'round.opened']);
  });

  it('a signed-in person joins an open public round as a commenter; roles are never lowered', async () => {
    const facilitator = await signedInAs(scenario.people.facilitator);
    await facilitator.patch(`/api/consultations/${scenario.consultation.id}`, {
      visibility: 'public',
    });
    try {
      const round = await facilitator.post<CommentRoundDto>(
        `/api/consultations/${scenario.consultation.id}/rounds`,
        { title: 'Tour public', audience: 'public', opensAt: hours(-1), closesAt: hours(48) },
      );
      const citizen = await aUser(running.context, { label: 'citoyenne' });
      const api = await signedInAs(citizen);
      const joined = await api.post(`/api/rounds/${round.body.id}/join`);
      expect(joined).toMatchObject({
        status: 200,
        body: { consultationId: scenario.consultation.id, role: 'commenter' },
      });
      const contributor = await signedInAs(scenario.people.contributor);
      expect((await contributor.post(`/api/rounds/${round.body.id}/join`)).body).toMatchObject({
        role: 'contributor',
      });
      expect(
        (await new ApiClient(running.baseUrl).post(`/api/rounds/${round.body.id}/join`)).status,
      ).toBe(401);
      // Signed-out readers of a public consultation read the threads.
      const anonymous = await new ApiClient(running.baseUrl).get(threadsPath());
      expect(anonymous.status).toBe(200);
    } finally {
      await facilitator.patch(`/api/consultations/${scenario.consultation.id}`, {
        visibility: 'members',
      });
    }
  });
});
