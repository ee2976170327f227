import type { CommentRoundAudience } from '@atelier/domain';
import type { CommentRoundDto, RoundJoinedDto } from '@atelier/protocol';

import { request } from '../../lib/api';

const segment = encodeURIComponent;

/** What the round form sends: instants as ISO strings, an empty list for every commitment. */
export interface RoundInput {
  readonly title: string;
  readonly instructions: string;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly audience: CommentRoundAudience;
  readonly commitmentIds: readonly string[];
}

export const roundQueryKeys = {
  rounds: (consultationId: string) => ['consultations', consultationId, 'rounds'] as const,
};

export const roundsApi = {
  /** By opening date, each with its participation per commitment. */
  list: (consultationId: string) =>
    request<CommentRoundDto[]>('GET', `/consultations/${segment(consultationId)}/rounds`),
  create: (consultationId: string, round: RoundInput) =>
    request<CommentRoundDto>('POST', `/consultations/${segment(consultationId)}/rounds`, round),
  update: (roundId: string, changes: Partial<RoundInput>) =>
    request<CommentRoundDto>('PATCH', `/rounds/${segment(roundId)}`, changes),
  /** Ends an open round at the server's time: the response phase starts. */
  closeNow: (roundId: string) =>
    request<CommentRoundDto>('PATCH', `/rounds/${segment(roundId)}`, { closeNow: true }),
  /** A signed-in person takes part in an open public round and becomes a commenter. */
  join: (roundId: string) =>
    request<RoundJoinedDto>('POST', `/rounds/${segment(roundId)}/join`, {}),
};
