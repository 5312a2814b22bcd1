import { describe, expect, it } from 'vitest';
import { renderTokenPackEmail } from './token-pack-email';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const url = 'https://idp.example.com/enroll/acme/tp-1?t=eyJ0.abc_-';

describe('token pack email', () => {
  it('carries the link as text, as a button, and as an inline PNG QR code', async () => {
    const email = await renderTokenPackEmail({
      packName: 'Staff <phones>',
      theme: { primaryColor: '#1f6feb', accentColor: '#f0883e', logoUrl: 'https://cdn.example.com/logo.png?a=1&b=2' },
      enrollmentUrl: url,
      expiresAt: new Date('2030-01-15T09:30:00Z'),
      qrContentId: 'qr-s1@countersign',
    });
    expect(email.subject).toBe('Set up your phone to approve sign-ins (Staff <phones>)');
    expect(email.text).toContain(`\n${url}\n`);
    expect(email.text).toContain('15 January 2030');
    expect(email.html).toContain(`href="${url}"`);
    expect(email.html).toContain('>Open on this phone</a>');
    expect(email.html).toContain('<img src="cid:qr-s1@countersign"');
    expect(email.html).toContain('Staff &#60;phones&#62;');
    expect(email.html).toContain('src="https://cdn.example.com/logo.png?a=1&#38;b=2"');
    expect(email.html).toContain('background:#f0883e');
    const [qr] = email.attachments;
    expect(qr).toMatchObject({ contentType: 'image/png', cid: 'qr-s1@countersign' });
    expect(qr!.content.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });
});
