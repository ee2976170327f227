import type { ParticipantKind } from './commentCounts';
import type { BreakoutGroup, BreakoutStrategy } from './forumSession';

export interface BreakoutCandidate {
  readonly id: string;
  readonly participantKind: ParticipantKind;
}

export interface BreakoutAssignmentInput {
  readonly strategy: BreakoutStrategy;
  /** One group per commitment, in this order. */
  readonly commitmentIds: readonly string[];
  /** Who is split (facilitators stay in plenary), in the order they joined. */
  readonly participants: readonly BreakoutCandidate[];
  /** `manual`: participant id → index into `commitmentIds`; people not listed stay in plenary. */
  readonly assignments?: Readonly<Record<string, number>>;
  /** Makes `random` and `organisation_mix` reproducible (the server uses the session and time). */
  readonly seed: string;
  readonly newId: () => string;
}

export type BreakoutAssignment =
  | { readonly ok: true; readonly groups: BreakoutGroup[] }
  | { readonly ok: false; readonly detail: string };

/**
 * Splits participants into one group per commitment: by hand, at random (sizes differ by at
 * most one), or by organisation mix, where each kind of participant is spread across the groups
 * as evenly as possible and sizes still differ by at most one. Deterministic for a given seed.
 */
export function assignBreakoutGroups(input: BreakoutAssignmentInput): BreakoutAssignment {
  const groupCount = input.commitmentIds.length;
  if (groupCount === 0) return { ok: false, detail: 'at least one group' };
  const members: string[][] = input.commitmentIds.map(() => []);
  if (input.strategy === 'manual') {
    const known = new Set(input.participants.map((participant) => participant.id));
    for (const [participantId, index] of Object.entries(input.assignments ?? {})) {
      if (!known.has(participantId)) return { ok: false, detail: 'unknown participant' };
      if (!Number.isInteger(index) || index < 0 || index >= groupCount)
        return { ok: false, detail: 'no such group' };
      members[index]!.push(participantId);
    }
  } else {
    const random = seededRandom(input.seed);
    const ordered =
      input.strategy === 'random'
        ? shuffle(input.participants, random)
        : // Kinds one after the other, each shuffled; dealing them round-robin from where the
          // previous kind stopped spreads every kind evenly and keeps sizes within one.
          byKind(input.participants).flatMap((group) => shuffle(group, random));
    ordered.forEach((participant, position) =>
      members[position % groupCount]!.push(participant.id),
    );
  }
  return {
    ok: true,
    groups: input.commitmentIds.map((commitmentId, index) => ({
      id: input.newId(),
      name: `Groupe ${index + 1}`,
      commitmentId,
      participantIds: members[index]!,
    })),
  };
}

function byKind(participants: readonly BreakoutCandidate[]): BreakoutCandidate[][] {
  const groups = new Map<ParticipantKind, BreakoutCandidate[]>();
  for (const participant of participants) {
    const group = groups.get(participant.participantKind) ?? [];
    group.push(participant);
    groups.set(participant.participantKind, group);
  }
  // Largest kinds first, so the small ones fill the groups the big ones left short.
  return [...groups.entries()]
    .sort(([kindA, a], [kindB, b]) => b.length - a.length || kindA.localeCompare(kindB))
    .map(([, group]) => group);
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

/** mulberry32 seeded from a string hash (FNV-1a): small, fast, and the same on every platform. */
export function seededRandom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let index = 0; index < seed.length; index += 1) {
    state ^= seed.charCodeAt(index);
    state = Math.imul(state, 0x01000193);
  }
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}
