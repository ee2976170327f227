import type { DocumentAccessPolicy } from './documentAccessPolicy';

/**
 * Nobody may open any document. The default until a real policy (accounts and roles) is wired:
 * failing closed is the only safe default for a server on the open internet.
 */
export function createClosedAccessPolicy(): DocumentAccessPolicy {
  return {
    authenticate: async () => null,
    decideAccess: async () => ({ denied: 'unauthenticated' }),
    onAccessChange: () => () => {},
  };
}
