import type { ForumSessionDto } from '@atelier/protocol';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { DataTable } from '../../lib/DataTable';
import { useConsultationContext } from '../consultations/ConsultationLayout';
import { QueryState } from '../consultations/QueryState';
import { forumApi, forumQueryKeys } from './forumApi';
import { ForumSessionForm } from './ForumSessionForm';

import './forum.css';

const STATUS_BADGE: Record<ForumSessionDto['status'], string> = {
  scheduled: 'fr-badge--info',
  live: 'fr-badge--success',
  paused: 'fr-badge--warning',
  ended: '',
};

type Editing =
  { readonly mode: 'new' } | { readonly mode: 'edit'; readonly session: ForumSessionDto };

/** The consultation's live sessions; facilitators schedule and edit them here. */
export function ForumsSection() {
  const { t } = useTranslation();
  const { consultation, role } = useConsultationContext();
  const sessions = useQuery({
    queryKey: forumQueryKeys.sessions(consultation.id),
    queryFn: () => forumApi.sessions(consultation.id),
  });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const scheduleButton = useRef<HTMLButtonElement>(null);
  const isFacilitator = role === 'facilitator';

  const done = (session: ForumSessionDto | null) => {
    setEditing(null);
    setSaved(session ? t('forum.list.saved', { title: session.title }) : null);
    // Back where the person started, so keyboard users do not lose their place.
    requestAnimationFrame(() => scheduleButton.current?.focus());
  };

  return (
    <section aria-labelledby="forums-title">
      <h2 id="forums-title">{t('forum.list.title')}</h2>
      <p>{t('forum.list.intro')}</p>
      <p role="status" aria-live="polite">
        {saved ?? ''}
      </p>
      {isFacilitator && editing === null ? (
        <button
          ref={scheduleButton}
          type="button"
          className="fr-btn fr-mb-3w"
          onClick={() => setEditing({ mode: 'new' })}
        >
          {t('forum.list.schedule')}
        </button>
      ) : null}
      {isFacilitator && editing ? (
        <ForumSessionForm
          key={editing.mode === 'edit' ? editing.session.id : 'new'}
          consultationId={consultation.id}
          session={editing.mode === 'edit' ? editing.session : undefined}
          onDone={done}
        />
      ) : null}
      <QueryState query={sessions}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('forum.list.empty')}</p>
          ) : (
            <SessionsTable
              sessions={list}
              isFacilitator={isFacilitator}
              onEdit={(session) => setEditing({ mode: 'edit', session })}
            />
          )
        }
      </QueryState>
      <p className="fr-mt-3w">
        <Link to="/rejoindre">{t('forum.list.joinWithCode')}</Link>
      </p>
    </section>
  );
}

function SessionsTable({
  sessions,
  isFacilitator,
  onEdit,
}: {
  sessions: readonly ForumSessionDto[];
  isFacilitator: boolean;
  onEdit: (session: ForumSessionDto) => void;
}) {
  const { t, i18n } = useTranslation();
  const dateFormat = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: 'full',
    timeStyle: 'short',
  });
  const sorted = [...sessions].sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
  return (
    <DataTable
      caption={t('forum.list.caption')}
      columns={[
        t('forum.list.columns.title'),
        t('forum.list.columns.date'),
        t('forum.list.columns.format'),
        t('forum.list.columns.status'),
        t('forum.list.columns.links'),
      ]}
    >
      {sorted.map((session) => (
        <tr key={session.id}>
          <th scope="row">{session.title}</th>
          <td>{dateFormat.format(new Date(session.scheduledAt))}</td>
          <td>{t(`forum.format.${session.format}`)}</td>
          <td>
            <p className={`fr-badge fr-badge--sm ${STATUS_BADGE[session.status]}`}>
              {t(`forum.status.${session.status}`)}
            </p>
          </td>
          <td>
            <ul className="atelier-plain-list">
              <li>
                <Link to={`/forums/${session.id}`}>
                  {t('forum.links.participant')}
                  <span className="fr-sr-only"> – {session.title}</span>
                </Link>
              </li>
              {isFacilitator ? (
                <>
                  <li>
                    <Link to={`/forums/${session.id}/console`}>
                      {t('forum.links.console')}
                      <span className="fr-sr-only"> – {session.title}</span>
                    </Link>
                  </li>
                  <li>
                    <Link to={`/forums/${session.id}/projecteur`}>
                      {t('forum.links.projector')}
                      <span className="fr-sr-only"> – {session.title}</span>
                    </Link>
                  </li>
                  <li>
                    <Link to={`/forums/${session.id}/compte-rendu`}>
                      {t('forum.links.minutes')}
                      <span className="fr-sr-only"> – {session.title}</span>
                    </Link>
                  </li>
                  {session.status !== 'ended' ? (
                    <li>
                      <button
                        type="button"
                        className="fr-btn fr-btn--sm fr-btn--tertiary fr-mt-1w"
                        onClick={() => onEdit(session)}
                      >
                        {t('forum.list.edit')}
                        <span className="fr-sr-only"> – {session.title}</span>
                      </button>
                    </li>
                  ) : null}
                </>
              ) : null}
            </ul>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
