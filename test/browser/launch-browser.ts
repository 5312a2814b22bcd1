import { chromium, type Browser, type Page } from 'playwright-core';
import { screenshot } from './screenshot';

export { screenshot, screenshotDir } from './screenshot';

/** Viewports the dashboard is checked at. */
export const VIEWPORTS = {
  laptop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

/** Debian's chromium; browsers cannot be downloaded by playwright here. Override with `CHROMIUM_PATH`. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless chromium for end-to-end tests; close it with `browser.close()`. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * Saves `page` from its top (scrolled for a click, the sticky header would land mid-page) as
 * `<name>-phone.png` and `<name>-laptop.png`, and leaves it at laptop width.
 */
export async function pageScreenshots(page: Page, name: string): Promise<void> {
  for (const [width, viewport] of [['phone', VIEWPORTS.phone], ['laptop', VIEWPORTS.laptop]] as const) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `${name}-${width}`);
  }
}
