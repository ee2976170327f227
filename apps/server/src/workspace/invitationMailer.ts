/** Port: sends an invitation link by email (SMTP when configured). */
export interface InvitationMailer {
  sendInvitation(message: {
    to: string;
    consultationTitle: string;
    role: string;
    url: string;
  }): Promise<void>;
}
