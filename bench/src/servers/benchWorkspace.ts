import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './freePort';
import { ServerProcess } from './serverProcess';
import { serverSpecs, type ServerName } from './serverSpecs';

export interface ServerLaunch {
  /** Reuse a data directory (restart on the same data); a fresh one otherwise. */
  dataDir?: string;
  /** Reuse a port (restart where the clients reconnect); a free one otherwise. */
  port?: number;
  extraEnv?: Record<string, string>;
}

/**
 * The run's scratch space: fresh data directories and one log file per server start, all under
 * one temp directory that is removed at the end (logs are kept when something failed).
 */
export class BenchWorkspace {
  readonly rootDir = mkdtempSync(join(tmpdir(), 'atelier-bench-'));
  private starts = 0;
  private failures = 0;

  newDataDir(label: string): string {
    this.starts += 1;
    const dir = join(this.rootDir, `${label}-${this.starts}`);
    mkdirSync(dir);
    return dir;
  }

  async startServer(name: ServerName, launch: ServerLaunch = {}): Promise<ServerProcess> {
    const dataDir = launch.dataDir ?? this.newDataDir(name);
    const port = launch.port ?? (await findFreePort());
    this.starts += 1;
    return ServerProcess.start(serverSpecs[name], {
      port,
      dataDir,
      logPath: join(this.rootDir, `${name}-${this.starts}.log`),
      extraEnv: launch.extraEnv ?? {},
    });
  }

  noteFailure(): void {
    this.failures += 1;
  }

  /** Removes everything unless a failure was noted; returns the directory kept, if any. */
  cleanUp(): string | null {
    if (this.failures > 0) return this.rootDir;
    rmSync(this.rootDir, { recursive: true, force: true });
    return null;
  }
}
