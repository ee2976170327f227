import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { BASE_URL_VARIABLE } from './baseUrl';

/**
 * Starts Atelier the way a person runs it: build the server bundle and the web client, then
 * `node apps/server/dist/main.js`, which serves the built client, the API and the Yjs endpoint
 * at one origin. Fresh data directory, demo workspace, a free port; stopped at the end, also
 * when tests fail or the run is interrupted.
 *
 * Set E2E_SKIP_BUILD=1 to reuse apps/server/dist and apps/web/dist while iterating on specs.
 */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVER_ENTRY = path.join(REPO_ROOT, 'apps/server/dist/main.js');
const WEB_INDEX = path.join(REPO_ROOT, 'apps/web/dist/index.html');

const HEALTH_TIMEOUT_MS = 30_000;
const HEALTH_POLL_MS = 100; // between health probes while the server opens storage
const STOP_TIMEOUT_MS = 10_000; // SIGTERM, then SIGKILL: the server drains in SHUTDOWN_GRACE_MS

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    run('node', ['apps/server/scripts/build.mjs']);
    run('pnpm', ['--filter', '@atelier/web', 'build']);
  }
  for (const required of [SERVER_ENTRY, WEB_INDEX]) {
    if (!existsSync(required)) {
      throw new Error(`${path.relative(REPO_ROOT, required)} is missing: build it first`);
    }
  }

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'atelier-e2e-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const logFile = path.join(dataDir, 'server.log');
  const log = createWriteStream(logFile);
  const server = spawn(process.execPath, ['--enable-source-maps', SERVER_ENTRY], {
    cwd: REPO_ROOT,
    // Only what we mean: an inherited MONGODB_URI or COLLAB_OPEN_ACCESS must not change the run.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.tmpdir(),
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_ORIGIN: origin,
      DATA_DIR: dataDir,
      ATELIER_DEMO: 'true',
      LOG_LEVEL: 'warn',
      // Every browser of every spec comes from 127.0.0.1: the per-address API budget is meant
      // for one person, not for a test run of twenty.
      API_RATE_PER_MINUTE: '100000',
      SHUTDOWN_GRACE_MS: '2000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  // Last resort if the runner itself dies: never leave a server behind.
  const killOnExit = () => server.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await stopProcess(server);
    log.end();
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(origin, server, logFile);
    await assertServesWebClient(origin);
  } catch (error) {
    await stopProcess(server);
    throw error;
  }
  process.env[BASE_URL_VARIABLE] = origin;
  return stop;
}

function run(command: string, args: readonly string[]): void {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${String(result.status)})`);
  }
}

/** A port the kernel just handed out; the server binds it a moment later. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(origin: string, server: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(
        `the server exited with code ${server.exitCode} before it was ready:\n${await tail(logFile)}`,
      );
    }
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
  }
  throw new Error(
    `the server was not healthy after ${HEALTH_TIMEOUT_MS} ms:\n${await tail(logFile)}`,
  );
}

/** The specs drive the client the server itself serves, not a development proxy. */
async function assertServesWebClient(origin: string): Promise<void> {
  const response = await fetch(`${origin}/consultations`, { headers: { accept: 'text/html' } });
  const body = await response.text();
  if (!response.ok || !body.includes('id="root"')) {
    throw new Error(
      `GET ${origin}/consultations did not return the web client (status ${response.status}): ` +
        'the server must serve apps/web/dist with a single-page fallback',
    );
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function tail(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).split('\n').slice(-30).join('\n');
  } catch {
    return '(no server output)';
  }
}
