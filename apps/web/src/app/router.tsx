import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate } from 'react-router';

import { CommitmentsSection } from '../features/commitments/CommitmentsSection';
import { ConsultationLayout } from '../features/consultations/ConsultationLayout';
import { ConsultationListPage } from '../features/consultations/ConsultationListPage';
import { AppLayout } from '../features/layout/AppLayout';
import { NotFoundPage } from '../features/layout/NotFoundPage';

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
        ],
      },
      { path: 'consultations/:consultationId/engagements/:commitmentId', element: <EditorRoute /> },
      {
        path: 'accessibilite',
        lazy: async () => ({
          Component: (await import('../features/accessibility/AccessibilityStatementPage'))
            .AccessibilityStatementPage,
        }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
