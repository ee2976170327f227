import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate } from 'react-router';

import { CommitmentsSection } from '../features/commitments/CommitmentsSection';
import { ConsultationLayout } from '../features/consultations/ConsultationLayout';
import { ConsultationListPage } from '../features/consultations/ConsultationListPage';
import { AppLayout } from '../features/layout/AppLayout';
import { NotFoundPage } from '../features/layout/NotFoundPage';
import { ensureTranslationAreas } from '../i18n/i18n';
import type { LazyTranslationArea } from '../i18n/translations';

// Screens load on demand so that the consultation pages stay light: forms (react-hook-form,
// zod) with the screens that have them; Lexical, Yjs and the providers only with a draft.
const CommitmentEditorPage = lazy(() =>
  import('../editor/CommitmentEditorPage').then((module) => ({
    default: module.CommitmentEditorPage,
  })),
);

function EditorRoute() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p role="status">{t('editor.loadingEditor')}</p>}>
      <CommitmentEditorPage />
    </Suspense>
  );
}

/** A screen loaded on demand together with its strings (see ensureTranslationAreas). */
async function withStrings<T>(area: LazyTranslationArea, load: () => Promise<T>): Promise<T> {
  const [screen] = await Promise.all([load(), ensureTranslationAreas(area)]);
  return screen;
}

/** Paths are French, like the interface's first language. */
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    HydrateFallback: () => null,
    children: [
      { index: true, element: <Navigate to="/consultations" replace /> },
      {
        path: 'connexion',
        lazy: async () => ({ Component: (await import('../features/auth/SignInPage')).SignInPage }),
      },
      {
        path: 'invitations/:token',
        lazy: async () => ({
          Component: (await import('../features/invitations/AcceptInvitationPage'))
            .AcceptInvitationPage,
        }),
      },
      { path: 'consultations', element: <ConsultationListPage /> },
      {
        path: 'consultations/:consultationId',
        element: <ConsultationLayout />,
        children: [
          { index: true, element: <CommitmentsSection /> },
          {
            path: 'membres',
            lazy: async () => ({
              Component: (await import('../features/members/MembersSection')).MembersSection,
            }),
          },
          {
            path: 'journal',
            lazy: async () => ({
              Component: (await import('../features/audit/AuditSection')).AuditSection,
            }),
          },
          {
            path: 'tours',
            lazy: () =>
              withStrings('rounds', async () => ({
                Component: (await import('../features/rounds/RoundsSection')).RoundsSection,
              })),
          },
          {
            path: 'bilan',
            lazy: () =>
              withStrings('rounds', async () => ({
                Component: (await import('../features/feedback/FeedbackReportSection'))
                  .FeedbackReportSection,
              })),
          },
          {
            path: 'moderation',
            lazy: () =>
              withStrings('moderation', async () => ({
                Component: (await import('../features/moderation/ModerationSection'))
                  .ModerationSection,
              })),
          },
          {
            path: 'journal-de-moderation',
            lazy: () =>
              withStrings('moderation', async () => ({
                Component: (await import('../features/moderation/ModerationLogSection'))
                  .ModerationLogSection,
              })),
          },
          {
            path: 'forums',
            lazy: () =>
              withStrings('forum', async () => ({
                Component: (await import('../features/forum/ForumsSection')).ForumsSection,
              })),
          },
        ],
      },
      { path: 'consultations/:consultationId/engagements/:commitmentId', element: <EditorRoute /> },
      // Live forum sessions: joining by code (what the QR code opens) and the three screens.
      {
        path: 'rejoindre',
        lazy: () =>
          withStrings('forum', async () => ({
            Component: (await import('../features/forum/JoinPage')).JoinPage,
          })),
      },
      {
        path: 'forums/:sessionId',
        lazy: () =>
          withStrings('forum', async () => ({
            Component: (await import('../features/forum/ParticipantPage')).ParticipantPage,
          })),
      },
      {
        path: 'forums/:sessionId/projecteur',
        lazy: () =>
          withStrings('forum', async () => ({
            Component: (await import('../features/forum/ProjectorPage')).ProjectorPage,
          })),
      },
      {
        path: 'forums/:sessionId/console',
        lazy: () =>
          withStrings('forum', async () => ({
            Component: (await import('../features/forum/ConsolePage')).ConsolePage,
          })),
      },
      {
        path: 'forums/:sessionId/compte-rendu',
        lazy: () =>
          withStrings('forum', async () => ({
            Component: (await import('../features/forum/MinutesPage')).MinutesPage,
          })),
      },
      {
        path: 'accessibilite',
        lazy: async () => ({
          Component: (await import('../features/accessibility/AccessibilityStatementPage'))
            .AccessibilityStatementPage,
        }),
      },
      {
        path: 'notifications',
        lazy: async () => ({
          Component: (await import('../features/notifications/NotificationsPage'))
            .NotificationsPage,
        }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
