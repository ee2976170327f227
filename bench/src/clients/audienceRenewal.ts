import { AWARENESS_RENEW_MS, type AudienceSocket } from './audienceSocket';

/** One timer for all readers: each tick renews the slice of sockets whose turn it is. */
export const AUDIENCE_RENEW_TICK_MS = 1_000;
const TICKS_PER_RENEWAL = AWARENESS_RENEW_MS / AUDIENCE_RENEW_TICK_MS;

/** Renews every socket's awareness once per AWARENESS_RENEW_MS, spread evenly; returns a stop function. */
export function startAudienceRenewal(sockets: readonly AudienceSocket[]): () => void {
  let tick = 0;
  const timer = setInterval(() => {
    const slice = tick % TICKS_PER_RENEWAL;
    sockets.forEach((socket, index) => {
      if (index % TICKS_PER_RENEWAL === slice) socket.renewAwareness();
    });
    tick += 1;
  }, AUDIENCE_RENEW_TICK_MS);
  return () => clearInterval(timer);
}
