/** The subject and body of a test email sent from Settings › Outgoing mail. */
export function testEmail(via: string): { subject: string; text: string; html: string } {
  const line = `This is a test email from Countersign, sent through ${via} from Settings › Outgoing mail.`;
  return {
    subject: 'Countersign test email',
    text: `${line}\n\nIf you can read this, your organisation's mail settings work. No action is needed.\n`,
    html: `<p>${line.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p><p>If you can read this, your organisation's mail settings work. No action is needed.</p>`,
  };
}
