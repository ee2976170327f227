/**
 * Launcher of the bare Socket.io forum server (the forum workload's floor, see bareForumServer),
 * on the host and port the benchmark hands it; compiled to dist/ by scripts/buildLaunchers.mjs.
 */
import { startBareForumServer } from './bareForumServer';

const port = Number(process.env.PORT);
const host = process.env.HOST ?? '127.0.0.1';
const resultsCoalesceMs = Number(process.env.BARE_RESULTS_COALESCE_MS ?? '0');
if (!Number.isInteger(port) || port <= 0) throw new Error('bareSocketIoServer needs PORT');
if (!Number.isInteger(resultsCoalesceMs) || resultsCoalesceMs < 0) {
  throw new Error('BARE_RESULTS_COALESCE_MS must be an integer >= 0');
}

await startBareForumServer(port, host, { resultsCoalesceMs });
