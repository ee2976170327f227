import nodemailer from 'nodemailer';
import type { InvitationMailer } from './invitationMailer';

const roleLabels: Record<string, string> = {
  facilitator: 'animateur·rice',
  contributor: 'contributeur·rice',
  commenter: 'commentateur·rice',
  observer: 'observateur·rice',
};

/** Sends invitation links through the SMTP server named by SMTP_URL. */
export function createSmtpInvitationMailer(smtpUrl: string, from: string): InvitationMailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async sendInvitation({ to, consultationTitle, role, url }) {
      await transport.sendMail({
        from,
        to,
        subject: `Invitation : ${consultationTitle}`,
        text:
          `Bonjour,\n\nVous êtes invité·e à participer à « ${consultationTitle} » en tant que ${roleLabels[role] ?? role}.\n` +
          `Pour accepter, ouvrez ce lien (valable 14 jours) :\n${url}\n\nL'équipe d'animation`,
      });
    },
  };
}
