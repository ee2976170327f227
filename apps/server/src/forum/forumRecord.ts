import {
  forumParticipantRoles,
  participantKinds,
  type ForumParticipantRole,
  type ParticipantKind,
} from '@atelier/domain';
import type { ForumContributionDto, ForumRecordDto } from '@atelier/protocol';
import { toForumSessionDto } from './forumDtos';
import type { LiveForumSession } from './liveForumSession';
import type { MinutesBlock } from './minutesDocument';

/**
 * What a session leaves in the consultation's record: attendance, every poll that opened, the
 * written contributions.
 */
export function buildForumRecord(live: LiveForumSession, forFacilitator: boolean): ForumRecordDto {
  const joinedByKind = zeroes(participantKinds);
  const joinedByRole = zeroes(forumParticipantRoles);
  const participants = live.allParticipants();
  for (const participant of participants) {
    joinedByKind[participant.participantKind] += 1;
    joinedByRole[participant.role] += 1;
  }
  const role: ForumParticipantRole = forFacilitator ? 'facilitator' : 'member';
  return {
    session: toForumSessionDto(live.session, live.state, forFacilitator),
    startedAt: live.state.startedAt,
    endedAt: live.state.endedAt,
    attendance: { total: participants.length, joinedByKind, joinedByRole },
    polls: live.state.polls.flatMap((poll) => {
      const results = live.results(poll.id, role);
      return results ? [{ poll, results }] : [];
    }),
    contributions: live.allContributions(forFacilitator),
  };
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

const KIND_LABELS: Record<ParticipantKind, string> = {
  administration: 'administrations',
  civil_society: 'société civile',
  other: 'autres organisations',
  citizen: 'citoyennes et citoyens',
};

const KIND_LABEL: Record<ParticipantKind, string> = {
  administration: 'administration',
  civil_society: 'société civile',
  other: 'autre organisation',
  citizen: 'citoyen·ne',
};

const ROLE_LABELS: Record<ForumParticipantRole, string> = {
  facilitator: 'animation',
  member: 'membre',
  signed_in: 'participant·e',
  guest: 'invité·e',
};

/** `09:12 UTC` (the minutes already say the day). */
function timeOfDay(instant: string): string {
  return `${instant.slice(11, 16)} UTC`;
}

/**
 * One contribution as a line of the minutes. A hidden one stays as its trace: the minutes are
 * read by everyone who reads the consultation, so what was hidden is not written there.
 */
function contributionLine(contribution: ForumContributionDto): string {
  const author = `${contribution.authorName} (${KIND_LABEL[contribution.authorKind]}, ${ROLE_LABELS[contribution.authorRole]})`;
  const head = `${timeOfDay(contribution.createdAt)} — ${author}`;
  if (contribution.hidden)
    return `${head} : contribution masquée par l’animation (motif : ${contribution.hidden.reason}).`;
  const item = contribution.agendaItemTitle ? ` — ${contribution.agendaItemTitle}` : '';
  const passage = contribution.passageQuote
    ? ` [à propos de « ${contribution.passageQuote} »]`
    : '';
  // One paragraph per contribution: its line breaks become spaces.
  const body = (contribution.body ?? '').replace(/\s*\n\s*/g, ' ');
  return `${head}${item}${passage} : ${body}`;
}

/**
 * The summary appended to the minutes when the session ends, in French (the language of the
 * record). Results are the facilitators' view: every poll is closed by then.
 */
export function minutesSummary(record: ForumRecordDto): MinutesBlock[] {
  const kinds = participantKinds
    .map((kind) => `${KIND_LABELS[kind]} : ${record.attendance.joinedByKind[kind]}`)
    .join(', ');
  const blocks: MinutesBlock[] = [
    { kind: 'h2', text: 'Bilan de la séance' },
    {
      kind: 'paragraph',
      text: `Participation : ${record.attendance.total} personne${record.attendance.total > 1 ? 's' : ''} (${kinds}).`,
    },
  ];
  if (record.startedAt && record.endedAt) {
    blocks.push({
      kind: 'paragraph',
      text: `Séance ouverte le ${record.startedAt.slice(0, 16).replace('T', ' à ')} UTC, close le ${record.endedAt.slice(0, 16).replace('T', ' à ')} UTC.`,
    });
  }
  for (const { poll, results } of record.polls) {
    blocks.push({ kind: 'h3', text: `Sondage : ${poll.question}` });
    const unit = poll.kind === 'dots' ? 'point' : 'voix';
    for (const option of poll.options) {
      const count = results.totals?.[option.id] ?? 0;
      const names = results.voters?.[option.id];
      const plural = poll.kind === 'dots' && count > 1 ? 's' : '';
      blocks.push({
        kind: 'paragraph',
        text: `${option.label} : ${count} ${unit}${plural}${names && names.length > 0 ? ` (${names.join(', ')})` : ''}`,
      });
    }
    blocks.push({
      kind: 'paragraph',
      text: `Votants : ${results.voterCount}${poll.anonymous ? ' (vote anonyme)' : ' (vote nominatif)'}.`,
    });
  }
  if (record.contributions.length > 0) {
    blocks.push({ kind: 'h3', text: `Contributions écrites (${record.contributions.length})` });
    for (const contribution of record.contributions)
      blocks.push({ kind: 'paragraph', text: contributionLine(contribution) });
  }
  return blocks;
}
