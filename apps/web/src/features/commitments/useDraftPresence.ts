import { useEffect, useState } from 'react';

import { presentPeople, type PresentPerson } from '../../editor/presence/presenceStates';
import { collabServerUrl } from '../../lib/collabUrl';
import {
  applyAwarenessEntries,
  queryAwarenessFrame,
  readAwarenessFrame,
  type AwarenessStates,
} from './awarenessFrames';

/** Presence listeners per page: each is a WebSocket, so a long table does not open dozens. */
export const MAX_PRESENCE_SUBSCRIPTIONS = 12;
const RETRY_AFTER_MS = 15_000;
/** No real client id is 0 (Yjs draws 32-bit random ids); we publish nothing ourselves. */
const NOBODY = 0;

/**
 * Who has each draft open right now, read from the drafts' awareness without loading them:
 * a bare WebSocket per draft that asks for presence once and then follows the changes the
 * server broadcasts, ignoring document updates. It publishes no presence of its own.
 *
 * This costs one connection per visible draft; a server-side presence summary per consultation
 * (see the web client's notes) would replace it.
 */
export function useDraftPresence(
  docNames: readonly string[],
  anonymousName: string,
): ReadonlyMap<string, readonly PresentPerson[]> {
  const [presence, setPresence] = useState<ReadonlyMap<string, readonly PresentPerson[]>>(
    () => new Map(),
  );
  const key = docNames.slice(0, MAX_PRESENCE_SUBSCRIPTIONS).join('\n');

  useEffect(() => {
    const names = key === '' ? [] : key.split('\n');
    const stops = names.map((docName) =>
      followPresence(docName, anonymousName, (people) =>
        setPresence((previous) => new Map(previous).set(docName, people)),
      ),
    );
    return () => stops.forEach((stop) => stop());
  }, [key, anonymousName]);

  return presence;
}

function followPresence(
  docName: string,
  anonymousName: string,
  onChange: (people: PresentPerson[]) => void,
): () => void {
  let socket: WebSocket | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const states: AwarenessStates = new Map();

  const publish = () => {
    const plain = new Map([...states].map(([clientId, held]) => [clientId, held.state]));
    onChange(presentPeople(plain, NOBODY, anonymousName));
  };

  const open = () => {
    socket = new WebSocket(`${collabServerUrl()}/${encodeURIComponent(docName)}`);
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => socket?.send(queryAwarenessFrame());
    socket.onmessage = (event: MessageEvent<ArrayBuffer>) => {
      try {
        const entries = readAwarenessFrame(new Uint8Array(event.data));
        if (entries && applyAwarenessEntries(states, entries)) publish();
      } catch {
        // A frame we cannot read says nothing about presence.
      }
    };
    socket.onclose = (event) => {
      states.clear();
      publish();
      // 44xx: we may not read this draft; do not insist.
      if (!stopped && !(event.code >= 4400 && event.code < 4500)) {
        retry = setTimeout(open, RETRY_AFTER_MS);
      }
    };
  };

  // Opened on the next tick: a component mounted and unmounted at once (React's development
  // double render, a quick navigation) then never opens a socket at all.
  retry = setTimeout(open, 0);
  return () => {
    stopped = true;
    if (retry !== null) clearTimeout(retry);
    socket?.close();
  };
}
