import { describe, expect, it } from 'vitest';
import { renderNewDeviceEmail } from './new-device-email';
import { emailThemeHeader } from './email-theme-header';

describe('the theme header of emails', () => {
  it('is a band in the primary colour with the logo on a white plate, and readable text colour', () => {
    const header = emailThemeHeader({ primaryColor: '#f2c14e', logoUrl: 'https://cdn.example.test/logo.png?a=1&b=2' });
    expect(header).toContain('background:#f2c14e;color:#111111');
    expect(header).toContain('<img src="https://cdn.example.test/logo.png?a=1&#38;b=2" alt="" height="32"');
    expect(emailThemeHeader({ primaryColor: '#101820', logoUrl: null })).toContain('background:#101820;color:#ffffff');
  });

  it('leaves an email as it was without a theme, and heads it with one', () => {
    const input = { displayName: 'Ada', deviceName: 'Pixel', activatedAt: new Date('2030-01-01T00:00:00Z'), ip: null, userAgent: null };
    expect(renderNewDeviceEmail(input).html).not.toContain('border-radius:8px 8px 0 0');
    expect(renderNewDeviceEmail({ ...input, theme: { primaryColor: '#0b6e4f', logoUrl: null } }).html).toContain('background:#0b6e4f');
  });
});
