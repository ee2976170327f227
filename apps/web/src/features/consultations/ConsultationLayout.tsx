import type { ConsultationRole } from '@atelier/domain';
import type { ConsultationDto } from '@atelier/protocol';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useOutletContext, useParams } from 'react-router';

import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useCanModerate } from '../moderation/useCanModerate';
import { QueryState } from './QueryState';
import { ConsultationStatusBadge } from './StatusBadge';
import { useConsultation } from './useConsultations';

export interface ConsultationContext {
  readonly consultation: ConsultationDto;
  readonly role: ConsultationRole | null;
}

export function useConsultationContext(): ConsultationContext {
  return useOutletContext<ConsultationContext>();
}

/** The consultation's heading and its sections: commitments, members, audit log. */
export function ConsultationLayout() {
  const { consultationId = '' } = useParams();
  const consultation = useConsultation(consultationId);
  return (
    <QueryState query={consultation}>
      {(data) => <ConsultationFrame consultation={data} />}
    </QueryState>
  );
}

function ConsultationFrame({ consultation }: { consultation: ConsultationDto }) {
  const { t } = useTranslation();
  useDocumentTitle(consultation.title);
  const role = consultation.myRole;
  const canModerate = useCanModerate(role);
  const base = `/consultations/${consultation.id}`;
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
            <a className="fr-breadcrumb__link" aria-current="page">
              {consultation.title}
            </a>
          </li>
        </ol>
      </nav>
      <h1>{consultation.title}</h1>
      <ul className="fr-badges-group fr-mb-2w">
        <li>
          <ConsultationStatusBadge status={consultation.status} />
        </li>
        {role ? (
          <li>
            <p className="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--blue-ecume">
              {t('consultations.yourRole', { role: t(`roles.${role}`) })}
            </p>
          </li>
        ) : null}
      </ul>
      {consultation.description ? <p>{consultation.description}</p> : null}
      <nav className="atelier-subnav fr-mb-4w" aria-label={t('consultation.sectionsLabel')}>
        <ul>
          <li>
            <NavLink end to={base}>
              {t('consultation.sections.commitments')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/tours`}>{t('consultation.sections.rounds')}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/forums`}>{t('consultation.sections.forums')}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/bilan`}>{t('consultation.sections.feedback')}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/journal-de-moderation`}>
              {t('consultation.sections.moderationLog')}
            </NavLink>
          </li>
          {canModerate ? (
            <li>
              <NavLink to={`${base}/moderation`}>{t('consultation.sections.moderation')}</NavLink>
            </li>
          ) : null}
          {role ? (
            <li>
              <NavLink to={`${base}/membres`}>{t('consultation.sections.members')}</NavLink>
            </li>
          ) : null}
          {role === 'facilitator' ? (
            <li>
              <NavLink to={`${base}/journal`}>{t('consultation.sections.audit')}</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <Outlet context={{ consultation, role } satisfies ConsultationContext} />
    </>
  );
}
