import { setTimeout as sleep } from 'node:timers/promises';
import { anchorForQuote, type TextAnchor } from '@atelier/collab';
import { bindHeadlessDraftEditor } from '@atelier/collab/draft-editor';
import { COLLAB_PATH_PREFIX, CSRF_HEADER, CSRF_HEADER_VALUE } from '@atelier/protocol';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { waitFor } from '../load/waiting';
import type { SessionCookie } from '../browser/demoSession';

const REQUEST_TIMEOUT_MS = 15_000;
const SYNC_TIMEOUT_MS = 20_000;
/** The server's comment flood guard gives each person a burst of 5, then one every 6 s. */
export const THREADS_PER_AUTHOR = 5;
const FLOOD_RETRY_MS = 6_500;
const MAX_ATTEMPTS = 8;
const AUTHOR_PASSWORD = 'banc-d-essai-des-fils-2026';

/** One anchorable phrase per possible thread: "j0001" … never a prefix of another. */
export function phraseOf(index: number): string {
  return `j${String(index).padStart(4, '0')}`;
}

/**
 * The draft text every measured draft carries, whatever its thread count (so that the count is
 * the only thing that changes): `paragraphs` paragraphs of `perParagraph` short sentences, each
 * holding one phrase a thread can anchor to.
 */
export function seededParagraphs(paragraphs: number, perParagraph: number): string[] {
  return Array.from({ length: paragraphs }, (_, paragraph) =>
    Array.from(
      { length: perParagraph },
      (_, sentence) => `Jalon ${phraseOf(paragraph * perParagraph + sentence)} suivi.`,
    ).join(' '),
  );
}

function cookieFrom(response: Response): SessionCookie {
  const header = (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const separator = header.indexOf('=');
  if (separator <= 0) throw new Error('no session cookie in the answer');
  return { name: header.slice(0, separator), value: header.slice(separator + 1), header };
}

async function call<T>(
  origin: string,
  method: 'GET' | 'POST',
  path: string,
  cookie: SessionCookie | null,
  body?: unknown,
): Promise<{ status: number; body: T; response: Response }> {
  const headers: Record<string, string> = { [CSRF_HEADER]: CSRF_HEADER_VALUE };
  if (cookie !== null) headers.cookie = cookie.header;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${origin}/api${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T, response };
}

async function ok<T>(
  what: string,
  answer: Promise<{ status: number; body: T; response: Response }>,
): Promise<{ body: T; response: Response }> {
  const { status, body, response } = await answer;
  if (status >= 300) throw new Error(`${what}: HTTP ${status} ${JSON.stringify(body)}`);
  return { body, response };
}

/**
 * People to write the threads: invited by the facilitator as contributors (who comment
 * outside rounds), each accepting with a new account, which signs them in.
 */
export async function inviteAuthors(
  origin: string,
  facilitator: SessionCookie,
  consultationId: string,
  count: number,
): Promise<SessionCookie[]> {
  const authors: SessionCookie[] = [];
  const runId = Date.now().toString(36);
  for (let index = 0; index < count; index++) {
    const { body: invitation } = await ok(
      'invite an author',
      call<{ token: string }>(
        origin,
        'POST',
        `/consultations/${consultationId}/invitations`,
        facilitator,
        { email: `banc-${runId}-${index}@atelier.test`, role: 'contributor' },
      ),
    );
    const { response } = await ok(
      'accept the invitation',
      call(origin, 'POST', `/invitations/${invitation.token}/accept`, null, {
        displayName: `Autrice ${index + 1}`,
        password: AUTHOR_PASSWORD,
      }),
    );
    authors.push(cookieFrom(response));
  }
  return authors;
}

export async function createBenchCommitment(
  origin: string,
  facilitator: SessionCookie,
  consultationId: string,
  title: string,
): Promise<{ id: string; docName: string }> {
  const { body } = await ok(
    'create a commitment',
    call<{ id: string; docName: string }>(
      origin,
      'POST',
      `/consultations/${consultationId}/commitments`,
      facilitator,
      { title, theme: { kind: 'thematic', label: 'Banc d’essai' } },
    ),
  );
  return body;
}

function webSocketWithCookie(cookieHeader: string) {
  return class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie: cookieHeader } });
    }
  };
}

function connect(origin: string, docName: string, cookie: SessionCookie, doc: Y.Doc) {
  return new WebsocketProvider(
    `${origin.replace(/^http/, 'ws')}${COLLAB_PATH_PREFIX.slice(0, -1)}`,
    docName,
    doc,
    {
      disableBc: true,
      WebSocketPolyfill: webSocketWithCookie(
        cookie.header,
      ) as unknown as typeof globalThis.WebSocket,
    },
  );
}

/**
 * Writes the paragraphs into the draft as a person's editor would (a headless Lexical editor
 * bound to a Y.Doc synced by the stock y-websocket provider), then reads the draft back through
 * a second connection until the server has all of it. Returns a copy of the document, to make
 * anchors from.
 */
export async function writeDraftText(
  origin: string,
  docName: string,
  writer: SessionCookie,
  paragraphs: readonly string[],
): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const draft = bindHeadlessDraftEditor(doc);
  const provider = connect(origin, docName, writer, doc);
  const reader = new Y.Doc();
  let readerProvider: WebsocketProvider | null = null;
  try {
    if (!(await waitFor(() => provider.synced, SYNC_TIMEOUT_MS)))
      throw new Error('the writer did not sync');
    draft.editor.read(() => undefined); // commit the synced template
    draft.applyEdit(() => {
      // Right after the title (h1): the first section holds the seeded text.
      const title = $getRoot().getFirstChild();
      if (title === null) throw new Error('the draft is empty');
      for (const text of [...paragraphs].reverse())
        title.insertAfter($createParagraphNode().append($createTextNode(text)));
    });
    const last = paragraphs[paragraphs.length - 1] ?? '';
    readerProvider = connect(origin, docName, writer, reader);
    const stored = await waitFor(
      () => readerProvider !== null && readerProvider.synced && anchorForQuote(reader, last).ok,
      SYNC_TIMEOUT_MS,
      100,
    );
    if (!stored) throw new Error('the seeded text did not reach the server');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    return copy;
  } finally {
    readerProvider?.destroy();
    provider.destroy();
    draft.dispose();
    doc.destroy();
    reader.destroy();
  }
}

export function anchorsFor(doc: Y.Doc, count: number): TextAnchor[] {
  return Array.from({ length: count }, (_, index) => {
    const created = anchorForQuote(doc, phraseOf(index));
    if (!created.ok) throw new Error(`no anchor for ${phraseOf(index)}: ${created.reason}`);
    return created.anchor;
  });
}

/** Posts one thread per anchor, several at once, author by author within the flood guard. */
export async function createThreads(
  origin: string,
  commitmentId: string,
  authors: readonly SessionCookie[],
  anchors: readonly TextAnchor[],
  concurrency: number,
): Promise<void> {
  if (anchors.length > authors.length * THREADS_PER_AUTHOR)
    throw new Error(
      `${anchors.length} threads need ${Math.ceil(anchors.length / THREADS_PER_AUTHOR)} authors`,
    );
  let next = 0;
  const lane = async () => {
    while (next < anchors.length) {
      const index = next++;
      const author = authors[Math.floor(index / THREADS_PER_AUTHOR)]!;
      for (let attempt = 1; ; attempt++) {
        const answer = await call(origin, 'POST', `/commitments/${commitmentId}/threads`, author, {
          body: `Remarque ${index + 1} sur ce jalon : préciser l’indicateur.`,
          anchor: anchors[index],
        });
        if (answer.status === 201) break;
        if (answer.status !== 429 || attempt === MAX_ATTEMPTS)
          throw new Error(`thread ${index}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
        await sleep(FLOOD_RETRY_MS);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, anchors.length) }, lane));
}
