import { randomUUID } from 'node:crypto';
import type { DocumentAccessPolicy } from './documentAccessPolicy';

/**
 * Everyone may edit every document. Only for local trials and benchmarks
 * (`COLLAB_OPEN_ACCESS=true`); the configuration refuses it in production.
 */
export function createOpenAccessPolicy(): DocumentAccessPolicy {
  return {
    authenticate: async () => ({ userId: `visitor:${randomUUID()}`, displayName: 'Visiteur' }),
    decideAccess: async () => ({ access: 'edit' }),
    onAccessChange: () => () => {},
  };
}
