/** A person present in a draft, as the server vouches for them (awareness `user`). */
export interface PresentPerson {
  /** The account id, or `client:<n>` for a signed-out reader. */
  readonly key: string;
  readonly name: string;
  readonly organisation: string | null;
  readonly color: string | null;
  /** Their cursor is in the editor right now. */
  readonly focusing: boolean;
}

interface ServerUser {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly organisation?: unknown;
  readonly color?: unknown;
}

type AwarenessStates = ReadonlyMap<number, Record<string, unknown>>;

function serverUserOf(state: Record<string, unknown>): ServerUser | null {
  const user = state.user;
  return typeof user === 'object' && user !== null ? (user as ServerUser) : null;
}

/**
 * The people present, one entry per person (two tabs are one person, focused if either is),
 * without this client, ordered by name. Only the `user` the server rewrote is trusted: a
 * client may write anything in the rest of its state.
 */
export function presentPeople(
  states: AwarenessStates,
  ownClientId: number,
  anonymousName: string,
): PresentPerson[] {
  const byKey = new Map<string, PresentPerson>();
  for (const [clientId, state] of states) {
    if (clientId === ownClientId) continue;
    const user = serverUserOf(state);
    if (user === null) continue; // not yet rewritten by the server: nobody vouches for it
    const key = typeof user.id === 'string' ? user.id : `client:${clientId}`;
    const person: PresentPerson = {
      key,
      name: typeof user.name === 'string' && user.name !== '' ? user.name : anonymousName,
      organisation: typeof user.organisation === 'string' ? user.organisation : null,
      color: typeof user.color === 'string' ? user.color : null,
      focusing: state.focusing === true,
    };
    const known = byKey.get(key);
    byKey.set(key, known ? { ...known, focusing: known.focusing || person.focusing } : person);
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/**
 * Lexical labels remote cursors with the top-level `name` and `color` of each awareness state,
 * which the writer's own client chose. This overlays the server's `user` on them so that a cursor
 * cannot carry someone else's name.
 */
export function withTrustedCursorLabels(
  states: AwarenessStates,
  ownClientId: number,
): Map<number, Record<string, unknown>> {
  const trusted = new Map<number, Record<string, unknown>>();
  for (const [clientId, state] of states) {
    const user = serverUserOf(state);
    if (clientId === ownClientId || user === null) {
      trusted.set(clientId, state);
      continue;
    }
    trusted.set(clientId, {
      ...state,
      name: typeof user.name === 'string' ? user.name : state.name,
      color: typeof user.color === 'string' ? user.color : state.color,
    });
  }
  return trusted;
}

export interface PresenceChange {
  readonly joined: readonly PresentPerson[];
  readonly left: readonly PresentPerson[];
}

/** Who arrived and who left between two lists, for the screen-reader announcement. */
export function presenceChange(
  before: readonly PresentPerson[],
  after: readonly PresentPerson[],
): PresenceChange {
  const beforeKeys = new Set(before.map((person) => person.key));
  const afterKeys = new Set(after.map((person) => person.key));
  return {
    joined: after.filter((person) => !beforeKeys.has(person.key)),
    left: before.filter((person) => !afterKeys.has(person.key)),
  };
}
