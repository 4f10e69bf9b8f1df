import type { Browser, BrowserType } from 'playwright-core';

/**
 * Debian's Chromium, never a downloaded browser. The flags keep it from calling
 * out to the network (closed here) and let it run as root in CI; playwright
 * gives every launch a fresh profile directory of its own.
 */
export async function launchChromium(chromium: BrowserType): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
