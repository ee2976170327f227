/**
 * Every edit a writer sends, keyed by the token it inserted. Writers and probes live in the
 * same load process, so send and observe times come from the same monotonic clock.
 */
export interface SentEdit {
  readonly sentAtMs: number;
  /** Whether the edit was sent inside the measured window. */
  readonly measured: boolean;
}

const TOKEN_PATTERN = /\[(\d+)\.(\d+)\]/g;

export function editToken(writerIndex: number, sequence: number): string {
  return `[${writerIndex}.${sequence}]`;
}

export function tokensIn(insertedText: string): string[] {
  return Array.from(insertedText.matchAll(TOKEN_PATTERN), (match) => match[0]);
}

export class EditLedger {
  private readonly edits = new Map<string, SentEdit>();
  private measuring = false;

  setMeasuring(measuring: boolean): void {
    this.measuring = measuring;
  }

  recordSent(token: string, sentAtMs: number): void {
    this.edits.set(token, { sentAtMs, measured: this.measuring });
  }

  lookup(token: string): SentEdit | undefined {
    return this.edits.get(token);
  }

  get sentCount(): number {
    return this.edits.size;
  }

  measuredTokens(): string[] {
    return [...this.edits].filter(([, edit]) => edit.measured).map(([token]) => token);
  }
}
