import { describe, expect, it } from 'vitest';
import { PendingLogins, type PendingLogin } from './pendingLogins';

const login = (createdAtMs: number): PendingLogin => ({
  providerId: 'franceconnect',
  nonce: 'n',
  codeVerifier: 'v',
  browserBindingHash: 'h',
  returnTo: '/',
  createdAtMs,
});

describe('PendingLogins', () => {
  it('gives a login back once', () => {
    const pending = new PendingLogins(60_000, 10, () => 0);
    pending.put('state', login(0));
    expect(pending.take('state')).toEqual(login(0));
    expect(pending.take('state')).toBeNull();
    expect(pending.take('unknown')).toBeNull();
  });

  it('forgets logins older than the TTL', () => {
    let now = 0;
    const pending = new PendingLogins(60_000, 10, () => now);
    pending.put('old', login(0));
    now = 60_000;
    expect(pending.take('old')).toBeNull();
    pending.put('a', login(now));
    now = 100_000;
    pending.put('b', login(now)); // drops nothing: 'a' is 40 s old
    expect(pending.size).toBe(2);
    now = 130_000;
    pending.put('c', login(now)); // 'a' is now 70 s old: dropped on the way
    expect(pending.size).toBe(2);
  });

  it('drops the oldest past the size bound', () => {
    const pending = new PendingLogins(60_000, 2, () => 0);
    pending.put('a', login(0));
    pending.put('b', login(0));
    pending.put('c', login(0));
    expect(pending.size).toBe(2);
    expect(pending.take('a')).toBeNull();
    expect(pending.take('c')).not.toBeNull();
  });
});
