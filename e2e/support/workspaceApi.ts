import type { APIRequest, APIRequestContext, APIResponse } from '@playwright/test';

import { baseUrl } from './baseUrl';

/** The demo workspace the server loads with ATELIER_DEMO=true (apps/server/src/workspace/demo). */
export const DEMO_PASSWORD = 'atelier-demo-2021';
export const DEMO_CONSULTATION_TITLE =
  "Plan d'action national pour un gouvernement ouvert 2021-2023";

/** The OGP template's H2 headings, as the server seeds them in every new draft. */
export const TEMPLATE_SECTIONS = [
  'Problème public à résoudre',
  'Situation actuelle',
  "Objectif de l'engagement",
  "Comment l'engagement contribue à résoudre le problème",
  'Pertinence au regard des valeurs du PGO',
  'Jalons',
  'Contact',
  "Budget et liens avec d'autres programmes",
] as const;

export interface DraftRef {
  readonly id: string;
  readonly consultationId: string;
  readonly number: number;
  readonly title: string;
  readonly docName: string;
}

/** A thread of a commitment as the API lists it: enough to find its comments again. */
export interface ThreadRef {
  readonly id: string;
  readonly comments: readonly { readonly id: string }[];
}

/** What the server wants on every state-changing call from a browser-like client. */
export function stateChangingHeaders(): Record<string, string> {
  return { 'X-Requested-With': 'atelier', Origin: baseUrl() };
}

/** The JSON body of a successful response; otherwise fails, saying `what` was attempted. */
export async function ok<T>(response: APIResponse, what: string): Promise<T> {
  if (!response.ok()) {
    throw new Error(`${what}: HTTP ${response.status()} ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** Signs the request context in; its cookie jar (a browser context's, if it is one) keeps the session. */
export async function signInThroughApi(
  request: APIRequestContext,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await ok(
    await request.post('/api/auth/login', {
      headers: stateChangingHeaders(),
      data: { email, password },
    }),
    `sign in as ${email}`,
  );
}

/** A new API client of its own (its own cookie jar), signed in as `email`; dispose of it after use. */
export async function signedInApi(
  request: APIRequest,
  email: string,
  password = DEMO_PASSWORD,
): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: baseUrl() });
  await signInThroughApi(api, email, password);
  return api;
}

export async function demoConsultationId(request: APIRequestContext): Promise<string> {
  const consultations = await ok<{ id: string; title: string }[]>(
    await request.get('/api/consultations'),
    'list consultations',
  );
  const demo = consultations.find((consultation) => consultation.title === DEMO_CONSULTATION_TITLE);
  if (!demo) throw new Error(`the demo consultation "${DEMO_CONSULTATION_TITLE}" is missing`);
  return demo.id;
}

/** The commitments of a consultation, by number. */
export async function listCommitments(
  request: APIRequestContext,
  consultationId: string,
): Promise<DraftRef[]> {
  return ok<DraftRef[]>(
    await request.get(`/api/consultations/${consultationId}/commitments`),
    'list commitments',
  );
}

/** A brand-new commitment (facilitators only): its draft holds the template and nothing else. */
export async function createCommitment(
  request: APIRequestContext,
  consultationId: string,
  title: string,
): Promise<DraftRef> {
  return ok<DraftRef>(
    await request.post(`/api/consultations/${consultationId}/commitments`, {
      headers: stateChangingHeaders(),
      data: { title, theme: { kind: 'thematic', label: 'Tests de bout en bout' } },
    }),
    `create commitment "${title}"`,
  );
}

export async function setLocked(
  request: APIRequestContext,
  commitmentId: string,
  locked: boolean,
): Promise<void> {
  await ok(
    await request.patch(`/api/commitments/${commitmentId}`, {
      headers: stateChangingHeaders(),
      data: { locked },
    }),
    `${locked ? 'lock' : 'unlock'} commitment ${commitmentId}`,
  );
}

/** A new consultation (administrators only), with no commitment yet. */
export async function createConsultation(
  admin: APIRequestContext,
  consultation: { title: string; slug: string; visibility: 'public' | 'members' },
): Promise<{ id: string }> {
  return ok<{ id: string }>(
    await admin.post('/api/consultations', { headers: stateChangingHeaders(), data: consultation }),
    `create the consultation "${consultation.title}"`,
  );
}

/** What a facilitator invites someone as, and what that person gives when they accept. */
export interface Invitee {
  readonly email: string;
  readonly role: 'facilitator' | 'contributor' | 'commenter' | 'observer';
  readonly displayName: string;
  readonly password: string;
}

/**
 * A facilitator (`inviter`) invites a new person, who accepts with their own client (`invitee`,
 * typically a signed-out browser context's request) and is signed in by it. Returns their user id.
 */
export async function joinByInvitation(
  inviter: APIRequestContext,
  invitee: APIRequestContext,
  consultationId: string,
  person: Invitee,
): Promise<string> {
  const invitation = await ok<{ token: string }>(
    await inviter.post(`/api/consultations/${consultationId}/invitations`, {
      headers: stateChangingHeaders(),
      data: { email: person.email, role: person.role },
    }),
    `invite ${person.displayName}`,
  );
  const me = await ok<{ id: string }>(
    await invitee.post(`/api/invitations/${invitation.token}/accept`, {
      headers: stateChangingHeaders(),
      data: { displayName: person.displayName, password: person.password },
    }),
    `${person.displayName} accepts the invitation`,
  );
  return me.id;
}

/** The threads of a commitment, in the order the API lists them, as `api`'s person may read them. */
export async function listThreads(
  api: APIRequestContext,
  commitmentId: string,
): Promise<ThreadRef[]> {
  return ok<ThreadRef[]>(
    await api.get(`/api/commitments/${commitmentId}/threads`),
    'list the threads',
  );
}

/** The id of a commitment's one thread; fails when it has none or several. */
export async function onlyThreadId(api: APIRequestContext, commitmentId: string): Promise<string> {
  const threads = await listThreads(api, commitmentId);
  if (threads.length !== 1) {
    throw new Error(`expected one thread on commitment ${commitmentId}, found ${threads.length}`);
  }
  return threads[0]!.id;
}

/** A comment round as the API returns it: enough to close it and check its phase. */
export interface RoundRef {
  readonly id: string;
  readonly phase: string;
}

/**
 * A round on some commitments (facilitators only), open from a minute ago, so that it is open
 * at once whatever the clocks say, until `closesInMs` from now. Without `audience`, the
 * server's default (members) applies.
 */
export async function openRound(
  api: APIRequestContext,
  consultationId: string,
  round: {
    title: string;
    commitmentIds: readonly string[];
    closesInMs: number;
    audience?: 'members' | 'public';
  },
): Promise<RoundRef> {
  const now = Date.now();
  return ok<RoundRef>(
    await api.post(`/api/consultations/${consultationId}/rounds`, {
      headers: stateChangingHeaders(),
      data: {
        title: round.title,
        ...(round.audience === undefined ? {} : { audience: round.audience }),
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + round.closesInMs).toISOString(),
        commitmentIds: round.commitmentIds,
      },
    }),
    `open the round "${round.title}"`,
  );
}

/** Closes a round early (facilitators only); its response phase begins. */
export async function closeRoundNow(api: APIRequestContext, roundId: string): Promise<RoundRef> {
  return ok<RoundRef>(
    await api.patch(`/api/rounds/${roundId}`, {
      headers: stateChangingHeaders(),
      data: { closeNow: true },
    }),
    `close the round ${roundId}`,
  );
}
