import type { AttendancePayload } from '@atelier/protocol';

/**
 * Display names by participant id, from the attendance list (facilitators' screens only; others
 * get no list and see no names).
 */
export function participantNames(attendance: AttendancePayload): ReadonlyMap<string, string> {
  return new Map(
    (attendance.participants ?? []).map((participant) => [participant.id, participant.displayName]),
  );
}
