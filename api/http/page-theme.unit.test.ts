import { describe, expect, it } from 'vitest';
import { renderApprovalPage } from '../mfa/http/approval-page';
import { page } from './html-page';
import { brandHtml, themeStyle } from './page-theme';

const night = { primaryColor: '#101820', accentColor: '#1f4e79', logoUrl: 'https://cdn.example.test/logo.svg?x="1"' };

describe('end-user pages in the default theme', () => {
  it('sets the colours as custom properties with readable button text, and falls back for a pale accent', () => {
    expect(themeStyle(night)).toContain(':root{--accent:#101820;--accent-text:#ffffff;--link:#1f4e79}');
    expect(themeStyle({ ...night, primaryColor: '#ffe066', accentColor: '#ffe066' })).toContain('--accent-text:#111111;--link:#1b1f24');
    expect(themeStyle(null)).toBe('');
  });

  it('shows the logo at the top, escaped, or the Countersign mark without one', () => {
    expect(brandHtml(night)).toBe('<div class="brand"><img src="https://cdn.example.test/logo.svg?x=&#34;1&#34;" alt="Logo"></div>');
    expect(brandHtml({ ...night, logoUrl: null })).toContain('Countersign');
    expect(page('Password set', '<h1>Done</h1>', night)).toContain('--accent:#101820');
  });

  it('styles the approval waiting page', () => {
    const html = renderApprovalPage({
      serviceId: 's', signInId: 'i', theme: night,
      status: { state: 'PENDING', number: 42, serviceName: 'Office 365', message: null } as never,
    });
    expect(html).toContain('--accent:#101820');
    expect(html).toContain('alt="Logo"');
    expect(html).toContain('>42</div>');
  });
});
