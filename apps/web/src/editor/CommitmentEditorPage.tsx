import type { CommitmentDto } from '@atelier/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { queryKeys } from '../app/queryClient';
import { roleIn, useSession } from '../features/auth/useSession';
import {
  displayTitle,
  formatNameList,
  leadOrganisationNames,
} from '../features/commitments/commitmentView';
import { mayAnswerThreads, type CommentViewer } from '../features/comments/threadPermissions';
import { QueryState } from '../features/consultations/QueryState';
import { api } from '../lib/api';
import { errorMessageKey } from '../lib/apiError';
import { ErrorAlert } from '../lib/formFields';
import { useCommitmentThreadUpdates, useConsultationLiveUpdates } from '../lib/liveUpdates';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { CollaborativeEditor } from './CollaborativeEditor';
import { presenceColorFor } from './presence/presenceColors';

/** The commitment editor route (loaded on demand: Lexical and Yjs stay out of the list pages). */
export function CommitmentEditorPage() {
  const { commitmentId = '' } = useParams();
  const commitment = useQuery({
    queryKey: queryKeys.commitment(commitmentId),
    queryFn: () => api.commitment(commitmentId),
  });
  return (
    <QueryState query={commitment}>
      {(data) => <CommitmentEditorScreen commitment={data} />}
    </QueryState>
  );
}

function CommitmentEditorScreen({ commitment }: { commitment: CommitmentDto }) {
  useConsultationLiveUpdates(commitment.consultationId);
  useCommitmentThreadUpdates(commitment.id);
  const { t, i18n } = useTranslation();
  const session = useSession();
  const me = session.data ?? null;
  const title = displayTitle(commitment);
  useDocumentTitle(t('editor.pageTitle', { number: commitment.number, title }));
  const role = roleIn(me, commitment.consultationId);
  const isFacilitator = role === 'facilitator';
  // Commenters comment without editing; observers and signed-out readers only read. Signed-in
  // non-members may join a public round: the server decides, and the panel says its answer.
  const canComment = me !== null && role !== 'observer';
  const viewer = useMemo<CommentViewer | null>(
    () =>
      me === null
        ? null
        : {
            userId: me.id,
            isAdmin: me.platformRole === 'admin',
            organisationId: me.organisation?.id ?? null,
            role,
          },
    [me, role],
  );
  const canAnswer = mayAnswerThreads(
    viewer,
    commitment.leadOrganisations.map((organisation) => organisation.id),
  );
  const locale = i18n.resolvedLanguage ?? 'fr';

  if (session.isPending) return <p role="status">{t('common.loading')}</p>;
  return (
    <>
      <nav role="navigation" className="fr-breadcrumb" aria-label={t('layout.breadcrumbLabel')}>
        <ol className="fr-breadcrumb__list">
          <li>
            <Link className="fr-breadcrumb__link" to="/consultations">
              {t('consultations.title')}
            </Link>
          </li>
          <li>
            <Link
              className="fr-breadcrumb__link"
              to={`/consultations/${commitment.consultationId}`}
            >
              {t('editor.backToConsultation')}
            </Link>
          </li>
          <li>
            <a className="fr-breadcrumb__link" aria-current="page">
              {t('editor.commitmentNumber', { number: commitment.number })}
            </a>
          </li>
        </ol>
      </nav>
      <div className="atelier-editor-heading">
        <div>
          <h1 className="fr-h2 fr-mb-1w">
            {t('editor.heading', { number: commitment.number, title })}
          </h1>
          <p className="fr-text--sm atelier-muted">
            {commitment.theme.label} ·{' '}
            {formatNameList(leadOrganisationNames(commitment), locale) || '—'}
          </p>
        </div>
        {isFacilitator ? <LockToggle commitment={commitment} /> : null}
      </div>
      <CollaborativeEditor
        // A new document means a new editor: Lexical cannot repoint a mounted binding.
        key={commitment.docName}
        docName={commitment.docName}
        userName={me?.displayName ?? t('presence.anonymous')}
        color={presenceColorFor(me?.id ?? 'anonymous')}
        persistOffline={me !== null}
        comments={{
          commitmentId: commitment.id,
          consultationId: commitment.consultationId,
          viewer,
          canComment,
          canModerate: isFacilitator,
          canAnswer,
        }}
      />
    </>
  );
}

function LockToggle({ commitment }: { commitment: CommitmentDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const setLocked = useMutation({
    mutationFn: (locked: boolean) => api.setCommitmentLocked(commitment.id, locked),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.commitment(commitment.id), updated);
      void queryClient.invalidateQueries({
        queryKey: queryKeys.commitments(commitment.consultationId),
      });
    },
  });
  return (
    <div>
      <button
        type="button"
        className={`fr-btn fr-btn--sm ${commitment.locked ? 'fr-btn--secondary' : ''}`}
        disabled={setLocked.isPending}
        onClick={() => setLocked.mutate(!commitment.locked)}
      >
        {commitment.locked ? t('editor.unlock') : t('editor.lock')}
      </button>
      {setLocked.isError ? (
        <ErrorAlert
          title={t(
            errorMessageKey(setLocked.error, new Set(['insufficient_role', 'consultation_closed'])),
          )}
        />
      ) : null}
    </div>
  );
}
