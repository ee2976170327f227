/**
 * JSON columns hold values the store wrote itself with {@link toJsonColumn}; the CHECK
 * (json_valid) on each column guarantees they parse. Typed by the caller, like any row.
 */
export function fromJsonColumn<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function toJsonColumn(value: unknown): string {
  return JSON.stringify(value);
}

/** SQLite has no boolean type: 0 and 1, held by a CHECK on each column. */
export function toFlag(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}
