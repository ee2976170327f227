import { performance } from 'node:perf_hooks';
import type { YTextEvent } from 'yjs';
import type { EditLedger } from './editLedger';
import { tokensIn } from './editLedger';
import type { FullClient } from './fullClient';

/**
 * A full client that only watches: for each edit token it sees arrive, it records how long ago
 * the writer sent it.
 */
export class Probe {
  /** Token -> latency in ms, for edits sent inside the measured window. */
  readonly measuredLatencyMs = new Map<string, number>();
  private seenCount = 0;

  constructor(
    readonly client: FullClient,
    private readonly ledger: EditLedger,
  ) {
    client.text.observe((event: YTextEvent) => this.observe(event));
  }

  get editsSeen() {
    return this.seenCount;
  }

  private observe(event: YTextEvent) {
    const observedAtMs = performance.now();
    for (const op of event.delta) {
      if (typeof op.insert !== 'string') continue;
      for (const token of tokensIn(op.insert)) {
        const sent = this.ledger.lookup(token);
        if (sent === undefined) continue;
        this.seenCount += 1;
        if (sent.measured) this.measuredLatencyMs.set(token, observedAtMs - sent.sentAtMs);
      }
    }
  }
}
