import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** Folder for screenshots: `SCREENSHOT_DIR` when set, otherwise `docs/screenshots/` in the repo. */
export function screenshotDir(): string {
  return resolve(process.env.SCREENSHOT_DIR ?? 'docs/screenshots');
}

/**
 * Saves a full-page PNG of `page` as `<name>.png` in {@link screenshotDir} and returns its path.
 * `name` may contain letters, digits, `-`, `_` and `.` only.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`screenshot name "${name}" must be letters, digits, "-", "_" or "."`);
  const dir = screenshotDir();
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
