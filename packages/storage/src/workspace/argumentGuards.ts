/**
 * Type checks for values that reach the workspace stores. The port is typed, but ids, emails
 * and tokens arrive from the network: a non-string reaching MongoDB would be read as a query
 * operator (`{ $ne: null }` matches every record), so both adapters check at their edge, with
 * the same rules, before building any query.
 */

/** A lookup value: id, email, slug, token hash. */
export function assertKey(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string') {
    throw new TypeError(`${what} must be a string, got ${describeType(value)}`);
  }
  if (value.length === 0) {
    throw new TypeError(`${what} must not be empty`);
  }
}

export function assertKeyOrNull(value: unknown, what: string): asserts value is string | null {
  if (value !== null) assertKey(value, what);
}

export function assertKeys(values: unknown, what: string): asserts values is readonly string[] {
  if (!Array.isArray(values)) {
    throw new TypeError(`${what} must be an array, got ${describeType(values)}`);
  }
  values.forEach((value, index) => assertKey(value, `${what}[${index}]`));
}

export function assertText(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string') {
    throw new TypeError(`${what} must be a string, got ${describeType(value)}`);
  }
}

export function assertTextOrNull(value: unknown, what: string): asserts value is string | null {
  if (value !== null) assertText(value, what);
}

/** `Date#toISOString` output: fixed width, so text order is time order. */
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function assertInstant(value: unknown, what: string): asserts value is string {
  assertText(value, what);
  if (!CANONICAL_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new TypeError(
      `${what} must be a UTC instant as Date#toISOString writes it, got "${value}"`,
    );
  }
}

export function assertInstantOrNull(value: unknown, what: string): asserts value is string | null {
  if (value !== null) assertInstant(value, what);
}

export function assertBoolean(value: unknown, what: string): asserts value is boolean {
  if (typeof value !== 'boolean') {
    throw new TypeError(`${what} must be a boolean, got ${describeType(value)}`);
  }
}

export function assertPositiveInteger(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new TypeError(`${what} must be a positive integer, got ${String(value)}`);
  }
}

export function assertCount(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(`${what} must be a non-negative integer, got ${String(value)}`);
  }
}

export function assertOneOf<const T extends string>(
  value: unknown,
  allowed: readonly T[],
  what: string,
): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new TypeError(`${what} must be one of ${allowed.join(', ')}, got ${String(value)}`);
  }
}

/** A plain object (not an array, not a class instance such as a Date or an ObjectId). */
export function assertPlainObject(
  value: unknown,
  what: string,
): asserts value is Record<string, unknown> {
  const prototype: unknown =
    typeof value === 'object' && value !== null ? Object.getPrototypeOf(value) : undefined;
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(`${what} must be a plain object, got ${describeType(value)}`);
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
