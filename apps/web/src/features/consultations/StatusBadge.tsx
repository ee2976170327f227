import type { CommitmentStatus, ConsultationStatus } from '@atelier/domain';
import { useTranslation } from 'react-i18next';

const consultationBadge: Record<ConsultationStatus, string> = {
  draft: 'fr-badge--new',
  open: 'fr-badge--success',
  closed: 'fr-badge--warning',
  published: 'fr-badge--info',
  archived: '',
};

export function ConsultationStatusBadge({ status }: { status: ConsultationStatus }) {
  const { t } = useTranslation();
  return (
    <p className={`fr-badge fr-badge--sm fr-badge--no-icon ${consultationBadge[status]}`}>
      {t(`consultation.status.${status}`)}
    </p>
  );
}

export function CommitmentStatusBadge({ status }: { status: CommitmentStatus }) {
  const { t } = useTranslation();
  return (
    <p className="fr-badge fr-badge--sm fr-badge--no-icon">{t(`commitment.status.${status}`)}</p>
  );
}
