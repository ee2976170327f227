import { performance } from 'node:perf_hooks';
import type { EditLedger } from './editLedger';
import { editToken } from './editLedger';
import type { FullClient } from './fullClient';

/**
 * A person typing: every `intervalMs` one short token appended to the shared text, followed by
 * a cursor move in awareness (stock clients publish the cursor after each edit).
 */
export class Writer {
  private sequence = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly client: FullClient,
    private readonly writerIndex: number,
    private readonly ledger: EditLedger,
  ) {}

  get editsSent() {
    return this.sequence;
  }

  startTyping(intervalMs: number): void {
    // A random phase so twenty writers do not all fire in the same millisecond.
    const phaseMs = Math.random() * intervalMs;
    this.timer = setTimeout(() => {
      this.typeOnce();
      this.timer = setInterval(() => this.typeOnce(), intervalMs);
    }, phaseMs);
  }

  stopTyping(): void {
    clearTimeout(this.timer);
    clearInterval(this.timer);
  }

  typeOnce(): void {
    this.sequence += 1;
    const token = editToken(this.writerIndex, this.sequence);
    const { text, awareness } = this.client;
    this.ledger.recordSent(token, performance.now());
    text.insert(text.length, token);
    awareness.setLocalStateField('cursor', { index: text.length });
  }
}
