import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@atelier/domain';
import {
  commentRoundDtoSchema,
  type CommentRoundDto,
  type CommentThreadDto,
  type ErrorBodyDto,
} from '@atelier/protocol';
import { ApiClient } from '../../testing/apiClient';
import { signedInClient } from '../../testing/signedInClient';
import {
  startWorkspaceServer,
  type RunningWorkspaceServer,
} from '../../testing/startWorkspaceServer';
import { aMember, seedRolesScenario, type RolesScenario } from '../../testing/workspaceFixtures';

/**
 * What the rounds page reads (issue 6): each round's participation per commitment, over real
 * HTTP. Hidden comments count (they were contributions, and the feedback report lists them by
 * their trace); comments their authors deleted do not.
 */
let running: RunningWorkspaceServer;
let scenario: RolesScenario;

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

beforeAll(async () => {
  running = await startWorkspaceServer({ apiRequestsPerMinute: 100_000 });
  scenario = await seedRolesScenario(running.context);
});
afterAll(async () => running.stop());

const signedInAs = (user: User): Promise<ApiClient> => signedInClient(running.baseUrl, user);

const roundsPath = () => `/api/consultations/${scenario.consultation.id}/rounds`;
const threadsPath = () => `/api/commitments/${scenario.commitment.id}/threads`;

async function openRound(facilitator: ApiClient, title: string): Promise<CommentRoundDto> {
  const created = await facilitator.post<CommentRoundDto>(roundsPath(), {
    title,
    opensAt: minutes(-1),
    closesAt: minutes(60),
    commitmentIds: [scenario.commitment.id],
  });
  expect(created.status).toBe(201);
  return created.body;
}

async function roundAsSeenBy(api: ApiClient, roundId: string): Promise<CommentRoundDto> {
  const listed = await api.get<CommentRoundDto[]>(roundsPath());
  expect(listed.status).toBe(200);
  return commentRoundDtoSchema.parse(listed.body.find((round) => round.id === roundId));
}

describe('GET /api/consultations/{id}/rounds: participation', () => {
  it('counts hidden comments, not deleted ones, each contributor once, split by kind', async () => {
    const facilitator = await signedInAs(scenario.people.facilitator);
    const round = await openRound(facilitator, 'Tour compté');
    // An administration's commenter, and a citizen (no organisation) who joins as commenter.
    const commenter = await signedInAs(scenario.people.commenter);
    const citizen = await signedInAs(
      await aMember(running.context, scenario, 'commenter', { label: 'citoyenne' }),
    );

    const first = await commenter.post<CommentThreadDto>(threadsPath(), { body: 'Premier avis' });
    expect(first.status).toBe(201);
    expect(first.body.roundId).toBe(round.id);
    expect(
      (await commenter.post(`/api/threads/${first.body.id}/comments`, { body: 'Et un second' }))
        .status,
    ).toBe(201);
    expect(
      (await citizen.post(`/api/threads/${first.body.id}/comments`, { body: 'Je réponds' })).status,
    ).toBe(201);
    const withdrawn = await citizen.post<CommentThreadDto>(threadsPath(), { body: 'Oups' });
    expect(withdrawn.status).toBe(201);

    expect((await roundAsSeenBy(commenter, round.id)).participation).toEqual([
      {
        commitmentId: scenario.commitment.id,
        threads: 2,
        comments: 4,
        contributors: 2,
        contributorsByKind: { administration: 1, civil_society: 0, other: 0, citizen: 1 },
      },
    ]);

    // A facilitator hides the first comment: still a contribution, still counted.
    const hidden = await facilitator.post(`/api/comments/${first.body.comments[0]!.id}/hide`, {
      reason: 'Propos injurieux',
    });
    expect(hidden.status).toBe(200);
    // The citizen withdraws her own comment: no longer counted.
    expect(
      (await citizen.delete(`/api/comments/${withdrawn.body.comments[0]!.id}`)).status,
    ).toBeLessThan(300);

    const after = await roundAsSeenBy(citizen, round.id);
    expect(after.participation).toHaveLength(1);
    expect(after.participation[0]).toMatchObject({
      comments: 3,
      contributors: 2,
      contributorsByKind: { administration: 1, civil_society: 0, other: 0, citizen: 1 },
    });

    // Closing early keeps what was said counted.
    const closed = await facilitator.patch<CommentRoundDto>(`/api/rounds/${round.id}`, {
      closeNow: true,
    });
    expect(closed.body.phase).toBe('closed');
    expect(closed.body.participation[0]?.comments).toBe(3);
  });

  it('is read like the consultation, and only facilitators change rounds', async () => {
    const facilitator = await signedInAs(scenario.people.facilitator);
    const round = await openRound(facilitator, 'Tour lu');

    // Members-only consultation: strangers do not learn it exists; signed out must sign in.
    const stranger = await signedInAs(scenario.people.stranger);
    expect((await stranger.get<ErrorBodyDto>(roundsPath())).status).toBe(404);
    expect((await new ApiClient(running.baseUrl).get(roundsPath())).status).toBe(401);
    const observer = await signedInAs(scenario.people.observer);
    expect((await roundAsSeenBy(observer, round.id)).title).toBe('Tour lu');

    // Reading is not managing.
    const contributor = await signedInAs(scenario.people.contributor);
    const refused = await contributor.patch<ErrorBodyDto>(`/api/rounds/${round.id}`, {
      closeNow: true,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('insufficient_role');
    expect((await roundAsSeenBy(facilitator, round.id)).phase).toBe('open');

    // Public consultation: anyone reads the rounds and their figures, signed out included.
    await facilitator.patch(`/api/consultations/${scenario.consultation.id}`, {
      visibility: 'public',
    });
    try {
      const anonymous = await roundAsSeenBy(new ApiClient(running.baseUrl), round.id);
      expect(anonymous.phase).toBe('open');
      expect(anonymous.commitmentIds).toEqual([scenario.commitment.id]);
    } finally {
      await facilitator.patch(`/api/consultations/${scenario.consultation.id}`, {
        visibility: 'members',
      });
    }
  });
});
