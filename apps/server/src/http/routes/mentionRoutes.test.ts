import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commentPersonDtoSchema,
  type CommentPersonDto,
  type ErrorBodyDto,
} from '@atelier/protocol';
import { ApiClient } from '../../testing/apiClient';
import { signedInClient } from '../../testing/signedInClient';
import {
  startWorkspaceServer,
  type RunningWorkspaceServer,
} from '../../testing/startWorkspaceServer';
import { aMember, seedRolesScenario, type RolesScenario } from '../../testing/workspaceFixtures';

let running: RunningWorkspaceServer;
let scenario: RolesScenario;
let publicScenario: RolesScenario;

beforeAll(async () => {
  running = await startWorkspaceServer({ apiRequestsPerMinute: 100_000 });
  scenario = await seedRolesScenario(running.context);
  publicScenario = await seedRolesScenario(running.context, { visibility: 'public' });
});
afterAll(async () => running.stop());

const signedInAs = (email: string): Promise<ApiClient> =>
  signedInClient(running.baseUrl, { email });

const mentionablePath = (consultationId: string, q?: string) =>
  `/api/consultations/${consultationId}/mentionable${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`;

describe('GET /api/consultations/{id}/mentionable', () => {
  it('lists the other members by public name, ids and names only, for a commenter', async () => {
    const api = await signedInAs(scenario.people.commenter.email);
    const response = await api.get<CommentPersonDto[]>(mentionablePath(scenario.consultation.id));
    expect(response.status).toBe(200);
    const people = commentPersonDtoSchema.array().parse(response.body);
    for (const person of response.body)
      expect(Object.keys(person).sort()).toEqual(['displayName', 'userId']);
    const ids = people.map((person) => person.userId);
    for (const role of ['facilitator', 'contributor', 'observer'] as const)
      expect(ids).toContain(scenario.people[role].id);
    // Not oneself, nobody from outside the consultation.
    expect(ids).not.toContain(scenario.people.commenter.id);
    expect(ids).not.toContain(scenario.people.stranger.id);
    expect(JSON.stringify(response.body)).not.toContain('@example.org');
  });

  it('narrows by the start of a word of the name, ignoring case and accents', async () => {
    const pseudonymous = await aMember(running.context, scenario, 'commenter', {
      displayName: 'Hélène Dupré',
      publicPseudonym: 'Élodie Garçon',
    });
    const api = await signedInAs(scenario.people.contributor.email);
    const byFirstName = await api.get<CommentPersonDto[]>(
      mentionablePath(scenario.consultation.id, 'elo'),
    );
    expect(byFirstName.body).toEqual([{ userId: pseudonymous.id, displayName: 'Élodie Garçon' }]);
    const byLastName = await api.get<CommentPersonDto[]>(
      mentionablePath(scenario.consultation.id, 'GARC'),
    );
    expect(byLastName.body.map((person) => person.userId)).toEqual([pseudonymous.id]);
    // The pseudonym hides the real name: searching it finds nobody.
    const byRealName = await api.get<CommentPersonDto[]>(
      mentionablePath(scenario.consultation.id, 'Hélène'),
    );
    expect(byRealName.body).toEqual([]);
    // Inside a word is not a match.
    const inside = await api.get<CommentPersonDto[]>(
      mentionablePath(scenario.consultation.id, 'odie'),
    );
    expect(inside.body).toEqual([]);
  });

  it('answers at most 10 people, sorted by name', async () => {
    for (let index = 0; index < 12; index++) {
      await aMember(running.context, scenario, 'observer', {
        displayName: `Zoé Nombreuse ${index}`,
      });
    }
    const api = await signedInAs(scenario.people.facilitator.email);
    const response = await api.get<CommentPersonDto[]>(
      mentionablePath(scenario.consultation.id, 'zoé'),
    );
    expect(response.body).toHaveLength(10);
    const names = response.body.map((person) => person.displayName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
  });

  it('refuses the signed-out (401), outsiders of a members-only consultation (404) and bad queries (400)', async () => {
    const anonymous = new ApiClient(running.baseUrl);
    const signedOut = await anonymous.get<ErrorBodyDto>(mentionablePath(scenario.consultation.id));
    expect(signedOut.status).toBe(401);

    const stranger = await signedInAs(scenario.people.stranger.email);
    const outsider = await stranger.get<ErrorBodyDto>(mentionablePath(scenario.consultation.id));
    expect(outsider.status).toBe(404);
    expect(outsider.body.error.code).toMatch(/not_found/);

    const member = await signedInAs(scenario.people.commenter.email);
    const tooLong = await member.get<ErrorBodyDto>(
      mentionablePath(scenario.consultation.id, 'x'.repeat(65)),
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('validation_failed');
    const unknownParameter = await member.get<ErrorBodyDto>(
      `/api/consultations/${scenario.consultation.id}/mentionable?email=x`,
    );
    expect(unknownParameter.status).toBe(400);
  });

  it('lets any signed-in reader of a public consultation look people up, never the signed-out', async () => {
    const stranger = await signedInAs(publicScenario.people.stranger.email);
    const response = await stranger.get<CommentPersonDto[]>(
      mentionablePath(publicScenario.consultation.id),
    );
    expect(response.status).toBe(200);
    expect(response.body.map((person) => person.userId)).toContain(
      publicScenario.people.facilitator.id,
    );
    const anonymous = new ApiClient(running.baseUrl);
    expect((await anonymous.get(mentionablePath(publicScenario.consultation.id))).status).toBe(401);
  });

  it('is in the OpenAPI document', async () => {
    const response = await new ApiClient(running.baseUrl).get<{ paths: Record<string, unknown> }>(
      '/api/openapi.json',
    );
    expect(Object.keys(response.body.paths)).toContain('/consultations/{id}/mentionable');
  });
});
