import {
  commitmentDtoSchema,
  consultationDtoSchema,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  type LoginRequestDto,
} from '@atelier/protocol';

/** The demo accounts' password (apps/server/src/workspace/demo/demoContent.ts). */
const DEMO_PASSWORD = 'atelier-demo-2021';
/** Contributors of the demo consultation: they may write every draft, from many tabs at once. */
export const DEMO_CONTRIBUTORS = ['agent@atelier.demo', 'association@atelier.demo'] as const;
const REQUEST_TIMEOUT_MS = 10_000;

export interface SessionCookie {
  name: string;
  value: string;
  /** `name=value`, as a Cookie request header. */
  header: string;
}

/** Signs in through the API, as the sign-in page does, and returns the session cookie. */
export async function signIn(origin: string, email: string): Promise<SessionCookie> {
  const body: LoginRequestDto = { email, password: DEMO_PASSWORD };
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`sign-in as ${email} refused: HTTP ${response.status}`);
  const header = (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const separator = header.indexOf('=');
  if (separator <= 0) throw new Error(`sign-in as ${email} set no session cookie`);
  return { name: header.slice(0, separator), value: header.slice(separator + 1), header };
}

async function getJson(origin: string, path: string, cookie: SessionCookie): Promise<unknown> {
  const response = await fetch(`${origin}${path}`, {
    headers: { cookie: cookie.header },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`GET ${path}: HTTP ${response.status}`);
  }
  return response.json();
}

export interface DraftUnderTest {
  /** The editor route of the web client (apps/web/src/app/router.tsx). */
  editorPath: string;
  docName: string;
}

/** The first commitment (lowest number) of the first consultation the person sees. */
export async function firstDemoDraft(
  origin: string,
  cookie: SessionCookie,
): Promise<DraftUnderTest> {
  const consultations = consultationDtoSchema
    .array()
    .parse(await getJson(origin, '/api/consultations', cookie));
  const consultation = consultations[0];
  if (consultation === undefined) throw new Error('the demo workspace has no consultation');
  const commitments = commitmentDtoSchema
    .array()
    .parse(await getJson(origin, `/api/consultations/${consultation.id}/commitments`, cookie));
  const first = [...commitments].sort((a, b) => a.number - b.number)[0];
  if (first === undefined) throw new Error('the demo consultation has no commitment');
  return {
    editorPath: `/consultations/${consultation.id}/engagements/${first.id}`,
    docName: first.docName,
  };
}
