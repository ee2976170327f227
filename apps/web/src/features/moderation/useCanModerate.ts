import type { ConsultationRole } from '@atelier/domain';

import { useSession } from '../auth/useSession';

/**
 * Whether to offer moderation (rounds, queue, mutes, locks): facilitators of the consultation,
 * and platform administrators, who act with a facilitator's powers. The server decides anyway;
 * this only keeps refused actions out of sight.
 */
export function useCanModerate(role: ConsultationRole | null): boolean {
  const session = useSession();
  return role === 'facilitator' || session.data?.platformRole === 'admin';
}
