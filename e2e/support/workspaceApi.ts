import type { APIRequestContext, APIResponse } from '@playwright/test';

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

/** What the server wants on every state-changing call from a browser-like client. */
function stateChangingHeaders(): Record<string, string> {
  return { 'X-Requested-With': 'atelier', Origin: baseUrl() };
}

async function json<T>(response: APIResponse, what: string): Promise<T> {
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
  await json(
    await request.post('/api/auth/login', {
      headers: stateChangingHeaders(),
      data: { email, password },
    }),
    `sign in as ${email}`,
  );
}

export async function demoConsultationId(request: APIRequestContext): Promise<string> {
  const consultations = await json<{ id: string; title: string }[]>(
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
  return json<DraftRef[]>(
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
  return json<DraftRef>(
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
  await json(
    await request.patch(`/api/commitments/${commitmentId}`, {
      headers: stateChangingHeaders(),
      data: { locked },
    }),
    `${locked ? 'lock' : 'unlock'} commitment ${commitmentId}`,
  );
}
