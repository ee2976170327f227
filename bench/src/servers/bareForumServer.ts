/**
 * The floor for the forum vote workload: a bare Socket.io 4 server that runs one poll with the
 * forum contract's event names, held in memory only — no accounts, no authorization, no
 * persistence, no attendance — and broadcasts the tally to the whole room on every vote, or at
 * most once per `resultsCoalesceMs` (a trailing window, as the contract's RESULTS_COALESCE_MS).
 * It is what Socket.io itself costs for this traffic, not a product: Atelier's extra cost over
 * it is the price of accounts, checks and storage.
 *
 * Only types come from @atelier/protocol: the launcher is bundled to plain JavaScript with
 * packages left external, and the workspace packages ship TypeScript sources.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { ForumAck, ForumClientToServerEvents, PollResultsPayload } from '@atelier/protocol';

type CreatePollCommand = Parameters<ForumClientToServerEvents['forum:poll.create']>[0];
type VoteCommand = Parameters<ForumClientToServerEvents['forum:vote']>[0];
// The contract's default ack type, `{ ok: true } & Record<string, never>`, admits no `{ ok: true }`.
type Ack<T = object> = (result: ForumAck<T>) => void;

interface SessionRef {
  sessionId: string;
}

/** The part of a poll the workload's screens read from `forum:state`. */
export interface BarePollView {
  id: string;
  status: 'draft' | 'open' | 'closed';
  options: { id: string; label: string }[];
}

interface BareClientEvents {
  'forum:join': (payload: SessionRef, ack: Ack) => void;
  'forum:start': (payload: SessionRef, ack: Ack) => void;
  'forum:poll.create': (payload: CreatePollCommand, ack: Ack<{ pollId: string }>) => void;
  'forum:poll.open': (payload: SessionRef & { pollId: string }, ack: Ack) => void;
  'forum:vote': (payload: VoteCommand, ack: Ack) => void;
}

interface BareServerEvents {
  'forum:state': (payload: { sessionId: string; state: { polls: BarePollView[] } }) => void;
  'forum:poll.results': (payload: PollResultsPayload) => void;
}

interface BarePoll extends BarePollView {
  totals: Record<string, number>;
  /** Socket ids that voted: one vote per connection, the only rule this server keeps. */
  voters: Set<string>;
}

export interface BareForumServer {
  port: number;
  close(): Promise<void>;
}

function refuse(code: 'not_found' | 'poll_not_open' | 'already_voted' | 'invalid_ballot') {
  return { ok: false as const, code, message: code };
}

export interface BareForumOptions {
  /** 0: one broadcast per vote; otherwise at most one per poll per window. */
  resultsCoalesceMs: number;
}

export function startBareForumServer(
  port: number,
  host: string,
  settings: BareForumOptions,
): Promise<BareForumServer> {
  const httpServer: HttpServer = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('okay');
  });
  const io = new Server<BareClientEvents, BareServerEvents>(httpServer, { serveClient: false });
  const polls = new Map<string, BarePoll>();
  const pollViews = () =>
    [...polls.values()].map(({ id, status, options }) => ({ id, status, options }));
  const pendingResults = new Set<string>();
  const broadcastResults = (sessionId: string, poll: BarePoll) => {
    io.of('/forum')
      .to(sessionId)
      .emit('forum:poll.results', {
        sessionId,
        pollId: poll.id,
        voterCount: poll.voters.size,
        totals: { ...poll.totals },
        voters: null,
      });
  };
  const resultsChanged = (sessionId: string, poll: BarePoll) => {
    if (settings.resultsCoalesceMs === 0) return broadcastResults(sessionId, poll);
    if (pendingResults.has(poll.id)) return;
    pendingResults.add(poll.id);
    setTimeout(() => {
      pendingResults.delete(poll.id);
      broadcastResults(sessionId, poll);
    }, settings.resultsCoalesceMs);
  };

  io.of('/forum').on('connection', (socket) => {
    socket.on('forum:join', ({ sessionId }, ack) => {
      void socket.join(sessionId);
      ack({ ok: true });
    });
    socket.on('forum:start', (_payload, ack) => ack({ ok: true }));
    socket.on('forum:poll.create', ({ sessionId, poll }, ack) => {
      const id = `poll-${polls.size + 1}`;
      const options = poll.options.map((option, index) => ({
        id: `${id}-option-${index + 1}`,
        label: option.label,
      }));
      polls.set(id, { id, status: 'draft', options, totals: {}, voters: new Set() });
      ack({ ok: true, pollId: id });
      io.of('/forum')
        .to(sessionId)
        .emit('forum:state', { sessionId, state: { polls: pollViews() } });
    });
    socket.on('forum:poll.open', ({ sessionId, pollId }, ack) => {
      const poll = polls.get(pollId);
      if (poll === undefined) return ack(refuse('not_found'));
      poll.status = 'open';
      ack({ ok: true });
      io.of('/forum')
        .to(sessionId)
        .emit('forum:state', { sessionId, state: { polls: pollViews() } });
    });
    socket.on('forum:vote', ({ sessionId, pollId, ballot }, ack) => {
      const poll = polls.get(pollId);
      if (poll === undefined) return ack(refuse('not_found'));
      if (poll.status !== 'open') return ack(refuse('poll_not_open'));
      const optionId = ballot.kind === 'choice' ? ballot.optionIds[0] : undefined;
      if (optionId === undefined || !poll.options.some((option) => option.id === optionId)) {
        return ack(refuse('invalid_ballot'));
      }
      if (poll.voters.has(socket.id)) return ack(refuse('already_voted'));
      poll.voters.add(socket.id);
      poll.totals[optionId] = (poll.totals[optionId] ?? 0) + 1;
      ack({ ok: true });
      resultsChanged(sessionId, poll);
    });
  });

  return new Promise((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      resolve({
        port: (httpServer.address() as AddressInfo).port,
        close: () => new Promise((done) => void io.close(() => done())),
      });
    });
  });
}
