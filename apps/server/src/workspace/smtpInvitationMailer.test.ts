import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../testing/apiClient';
import { startWorkspaceServer, type RunningWorkspaceServer } from '../testing/startWorkspaceServer';
import { seedRolesScenario, TEST_PASSWORD, type RolesScenario } from '../testing/workspaceFixtures';
import { createSmtpInvitationMailer } from './smtpInvitationMailer';

interface ReceivedMail {
  readonly from: string | undefined;
  readonly to: string[];
  readonly data: string;
}

/** A real SMTP server in the test process; the mailer speaks SMTP to it over loopback. */
let smtp: SMTPServer;
let smtpPort: number;
const received: ReceivedMail[] = [];
let running: RunningWorkspaceServer;
let scenario: RolesScenario;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  running = await startWorkspaceServer({
    mailer: createSmtpInvitationMailer(
      `smtp://127.0.0.1:${smtpPort}`,
      'Atelier <atelier@example.org>',
    ),
  });
  scenario = await seedRolesScenario(running.context);
});

afterAll(async () => {
  await running.stop();
  await new Promise<void>((resolve) => smtp.close(resolve));
});

describe('invitations by email', () => {
  it('with SMTP configured, the invited person receives the link', async () => {
    const facilitator = new ApiClient(running.baseUrl);
    await facilitator.signIn(scenario.people.facilitator.email, TEST_PASSWORD);
    const invitation = await facilitator.post<{ url: string; emailSent: boolean }>(
      `/api/consultations/${scenario.consultation.id}/invitations`,
      { email: 'invitee@example.org', role: 'commenter' },
    );
    expect(invitation.status).toBe(201);
    expect(invitation.body.emailSent).toBe(true);
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['invitee@example.org']);
    expect(received[0]!.from).toBe('atelier@example.org');
    // Quoted-printable may fold long lines; unfold before looking for the link.
    const body = received[0]!.data.replace(/=\r?\n/g, '');
    expect(body).toContain(invitation.body.url);
  });
});
