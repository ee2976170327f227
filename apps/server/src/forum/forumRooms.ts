/** Everyone who joined a session (all their screens). */
export function forumRoom(sessionId: string): string {
  return `forum:${sessionId}`;
}

/** The session's facilitators' screens (console, projector): full results and attendance. */
export function forumFacilitatorsRoom(sessionId: string): string {
  return `forum:${sessionId}:facilitators`;
}
