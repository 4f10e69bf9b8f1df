import type { Browser, BrowserType, Page } from 'playwright-core';

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

/** Notes what a page must never do: break its Content-Security-Policy, or throw an error nothing catches. */
export function recordBreakage(page: Page, into: string[]): Page {
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) into.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => into.push(`${page.url()}: uncaught ${error.message}`));
  return page;
}
