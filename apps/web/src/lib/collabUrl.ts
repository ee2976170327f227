/** `ws(s)://<this origin>/collab`: the Yjs endpoint is served by the same origin as the app. */
export function collabServerUrl(
  location: Pick<Location, 'protocol' | 'host'> = window.location,
): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/collab`;
}
