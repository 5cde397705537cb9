/** Debian's Chromium driven by playwright-core (Playwright's own browser download does not work here). */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export interface Watched {
  page: Page;
  /** Console errors and warnings, page errors, dialogs, failed requests and HTTP errors seen so far. */
  problems: string[];
}

/** A fresh page that records everything that should never happen on the site. */
export async function watchedPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<Watched> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog ${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return { page, problems };
}

/**
 * Watched pages reused from one check to the next. Opening a browser context costs about 0.7 s on this machine,
 * as much as loading and checking a small page, and the page checks open hundreds. A page is handed out blank,
 * at the default viewport and with its problems cleared; the site keeps no state in the browser (no cookies or
 * storage), so a reused page sees what a fresh one would.
 */
export class PagePool {
  private readonly idle = new Map<boolean, Watched[]>([
    [true, []],
    [false, []],
  ]);

  private readonly browser: Browser;

  constructor(browser: Browser) {
    this.browser = browser;
  }

  /** Run `check` on a pooled page; `viewport` defaults to Playwright's own (1280 × 720). */
  async use<T>(
    options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } },
    check: (watched: Watched) => Promise<T>,
  ): Promise<T> {
    const javaScriptEnabled = options.javaScriptEnabled ?? true;
    const watched = this.idle.get(javaScriptEnabled)?.pop() ?? (await watchedPage(this.browser, { javaScriptEnabled }));
    await watched.page.setViewportSize(options.viewport ?? { width: 1280, height: 720 });
    watched.problems.length = 0;
    try {
      return await check(watched);
    } finally {
      try {
        await watched.page.goto('about:blank');
        this.idle.get(javaScriptEnabled)?.push(watched);
      } catch {
        // A page that cannot even go blank is not reused.
        await watched.page
          .context()
          .close()
          .catch(() => undefined);
      }
    }
  }
}

/** Wait for what a page's scripts fetch after it loads; a page without scripts is finished at its load event. */
export async function settle(page: Page): Promise<void> {
  if ((await page.locator('script').count()) > 0) await page.waitForLoadState('networkidle');
}
