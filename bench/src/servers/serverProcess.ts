import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { sampleProcess, type ProcessSample } from '../measure/procStats';
import { trackChild } from './childRegistry';
import type { ServerSpec } from './serverSpecs';

/** The server under test gets core 0 to itself; the load generator runs on core 1. */
export const SERVER_CPU = '0';
const READY_TIMEOUT_MS = 30_000;
const READY_POLL_MS = 25;
/** How long a SIGTERM-ed server may take to flush and exit before it is killed. */
const GRACEFUL_STOP_TIMEOUT_MS = 10_000;

export interface ServerStart {
  port: number;
  dataDir: string;
  logPath: string;
  extraEnv?: Record<string, string>;
}

export type ExitInfo = { code: number | null; signal: NodeJS.Signals | null };

export class ServerNotReadyError extends Error {}

/** One run of a server under test: a pinned child process whose CPU and memory we can read. */
export class ServerProcess {
  readonly exited: Promise<ExitInfo>;
  private exitInfo: ExitInfo | null = null;
  /** Set when we stop or kill it, so an exit we caused is not reported as a crash. */
  private stopRequested = false;

  private constructor(
    readonly spec: ServerSpec,
    readonly options: ServerStart,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        resolve(this.exitInfo);
      });
    });
  }

  static async start(spec: ServerSpec, options: ServerStart): Promise<ServerProcess> {
    const log = createWriteStream(options.logPath, { flags: 'a' });
    const child = spawn('taskset', ['-c', SERVER_CPU, process.execPath, ...spec.nodeArgs], {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env(options.port, options.dataDir), ...options.extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    trackChild(child);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    const server = new ServerProcess(spec, options, child);
    await server.waitUntilReady();
    return server;
  }

  /** taskset execs node in place, so the child's pid is the server's pid. */
  get pid(): number {
    if (this.child.pid === undefined) throw new Error('server process has no pid');
    return this.child.pid;
  }

  get port() {
    return this.options.port;
  }

  get syncBaseUrl() {
    return this.spec.syncBaseUrl(this.options.port);
  }

  /** An exit nobody asked for, e.g. an out-of-memory abort during a load run. */
  get crashed(): boolean {
    return this.exitInfo !== null && !this.stopRequested;
  }

  get exitDescription(): string {
    if (this.exitInfo === null) return 'running';
    const { code, signal } = this.exitInfo;
    return signal === null ? `exit code ${code}` : `signal ${signal}`;
  }

  sample(): ProcessSample | null {
    return this.exitInfo === null ? sampleProcess(this.pid) : null;
  }

  /** SIGKILL: no chance to flush anything, like a power cut or an OOM kill. */
  async kill(): Promise<void> {
    this.stopRequested = true;
    if (this.exitInfo === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, then SIGKILL if it has not exited in time. Returns whether it exited by itself. */
  async stop(): Promise<boolean> {
    this.stopRequested = true;
    if (this.exitInfo !== null) return true;
    this.child.kill('SIGTERM');
    const exitedInTime = await Promise.race([
      this.exited.then(() => true),
      sleep(GRACEFUL_STOP_TIMEOUT_MS).then(() => false),
    ]);
    if (!exitedInTime) await this.kill();
    return exitedInTime;
  }

  private async waitUntilReady(): Promise<void> {
    const url = this.spec.readinessUrl(this.options.port);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.exitInfo !== null) {
        throw new ServerNotReadyError(
          `${this.spec.name} exited during start (${this.exitDescription}); log: ${this.options.logPath}`,
        );
      }
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
        await response.body?.cancel();
        if (response.status === 200) return;
      } catch {
        // Not listening yet.
      }
      await sleep(READY_POLL_MS);
    }
    await this.kill();
    throw new ServerNotReadyError(
      `${this.spec.name} not ready after ${READY_TIMEOUT_MS} ms; log: ${this.options.logPath}`,
    );
  }
}
