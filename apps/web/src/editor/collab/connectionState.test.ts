import { describe, expect, it } from 'vitest';

import {
  connectionReducer,
  initialConnectionState,
  OFFLINE_AFTER_FAILED_ATTEMPTS,
  type ConnectionEvent,
  type ConnectionState,
} from './connectionState';

function run(...events: ConnectionEvent[]): ConnectionState {
  return events.reduce(connectionReducer, initialConnectionState);
}

describe('connectionReducer', () => {
  it('starts connecting and becomes connected, then synced', () => {
    expect(initialConnectionState.status).toBe('connecting');
    const connected = run({ type: 'connecting' }, { type: 'connected' });
    expect(connected).toMatchObject({ status: 'connected', synced: false });
    expect(connectionReducer(connected, { type: 'synced' }).synced).toBe(true);
  });

  it('goes to reconnecting when an established connection drops, and back', () => {
    const dropped = run({ type: 'connected' }, { type: 'synced' }, { type: 'disconnected' });
    expect(dropped).toMatchObject({ status: 'reconnecting', synced: false, failedAttempts: 0 });
    expect(connectionReducer(dropped, { type: 'connected' }).status).toBe('connected');
  });

  it('calls it offline after repeated failed attempts', () => {
    const attempts: ConnectionEvent[] = [{ type: 'connected' }, { type: 'disconnected' }];
    for (let i = 0; i < OFFLINE_AFTER_FAILED_ATTEMPTS - 1; i++) {
      attempts.push({ type: 'disconnected' });
    }
    expect(run(...attempts).status).toBe('reconnecting');
    expect(run(...attempts, { type: 'disconnected' }).status).toBe('offline');
  });

  it('follows the browser offline and online', () => {
    const offline = run({ type: 'connected' }, { type: 'browser_offline' });
    expect(offline.status).toBe('offline');
    expect(connectionReducer(offline, { type: 'disconnected' }).status).toBe('offline');
    expect(connectionReducer(offline, { type: 'browser_online' }).status).toBe('reconnecting');
    expect(connectionReducer(offline, { type: 'connected' }).status).toBe('connected');
  });

  it('online does not disturb a live connection', () => {
    const connected = run({ type: 'connected' });
    expect(connectionReducer(connected, { type: 'browser_online' })).toBe(connected);
  });

  it('stays stopped after a terminal close, whatever the provider reports next', () => {
    const stopped = run(
      { type: 'connected' },
      { type: 'closed_for_good', reason: 'access_revoked' },
    );
    expect(stopped).toMatchObject({ status: 'stopped', stopReason: 'access_revoked' });
    expect(connectionReducer(stopped, { type: 'disconnected' })).toBe(stopped);
    expect(connectionReducer(stopped, { type: 'browser_online' })).toBe(stopped);
    expect(connectionReducer(stopped, { type: 'connected' }).status).toBe('connected');
  });
});
