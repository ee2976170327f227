/**
 * Argument checks shared by every adapter. The port is typed, but callers pass names that
 * arrived over the network; a non-string name reaching MongoDB would be read as a query
 * operator (`{ $ne: null }` matches every document), so each adapter checks at its edge.
 */

export function assertDocName(docName: unknown): asserts docName is string {
  if (typeof docName !== 'string') {
    throw new TypeError(`docName must be a string, got ${typeof docName}`);
  }
  if (docName.length === 0) {
    throw new TypeError('docName must not be empty');
  }
}

export function assertBytes(value: unknown, what: string): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) {
    throw new TypeError(`${what} must be a Uint8Array`);
  }
}

export function assertSeq(seq: unknown, what: string): asserts seq is number {
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) {
    throw new RangeError(`${what} must be a non-negative safe integer, got ${String(seq)}`);
  }
}

/** Checks every entry of a batch before anything is written, so a bad entry rejects the whole batch. */
export function assertBatch(
  batch: readonly { readonly docName: unknown; readonly update: unknown }[],
): void {
  if (!Array.isArray(batch)) {
    throw new TypeError('batch must be an array');
  }
  for (const { docName, update } of batch) {
    assertDocName(docName);
    assertBytes(update, 'update');
  }
}
