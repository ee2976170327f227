import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../auth/useSession';
import { QueryState } from './QueryState';
import { ConsultationStatusBadge } from './StatusBadge';
import { useConsultations } from './useConsultations';

export function ConsultationListPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('consultations.title'));
  const consultations = useConsultations();
  const session = useSession();

  return (
    <>
      <h1>{t('consultations.title')}</h1>
      <p className="fr-text--lead">
        {session.data ? t('consultations.introSignedIn') : t('consultations.introPublic')}
      </p>
      <QueryState query={consultations}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('consultations.empty')}</p>
          ) : (
            <ul className="fr-grid-row fr-grid-row--gutters atelier-plain-list">
              {list.map((consultation) => (
                <li key={consultation.id} className="fr-col-12 fr-col-md-6">
                  <div className="fr-card fr-enlarge-link">
                    <div className="fr-card__body">
                      <div className="fr-card__content">
                        <h2 className="fr-card__title">
                          <Link to={`/consultations/${consultation.id}`}>{consultation.title}</Link>
                        </h2>
                        <p className="fr-card__desc">{consultation.description}</p>
                        <div className="fr-card__start">
                          <ul className="fr-badges-group">
                            <li>
                              <ConsultationStatusBadge status={consultation.status} />
                            </li>
                            <li>
                              <p className="fr-badge fr-badge--sm fr-badge--no-icon">
                                {t(`consultation.visibility.${consultation.visibility}`)}
                              </p>
                            </li>
                          </ul>
                        </div>
                        <div className="fr-card__end">
                          <p className="fr-card__detail">
                            {consultation.myRole
                              ? t('consultations.yourRole', {
                                  role: t(`roles.${consultation.myRole}`),
                                })
                              : t('consultations.notMember')}
                          </p>
                        </div>
                      </div>
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
