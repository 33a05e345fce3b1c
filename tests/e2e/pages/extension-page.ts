import type { BrowserContext, Page } from '@playwright/test';

/** Base page object for an extension page opened as a tab. */
export class ExtensionPage {
  page!: Page;
  constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    readonly path: string,
  ) {}

  url(query = ''): string {
    return `chrome-extension://${this.extensionId}/${this.path}${query ? `?${query}` : ''}`;
  }

  /** Open the page (in a new tab unless one is open). `query` e.g. `tabId=5&section=questions`. */
  async open(query = '', viewport = { width: 420, height: 760 }): Promise<Page> {
    if (!this.page || this.page.isClosed()) {
      this.page = await this.context.newPage();
      await this.page.setViewportSize(viewport);
    }
    await this.page.goto(this.url(query));
    await this.page.waitForFunction(() => document.getElementById('root')?.childElementCount);
    return this.page;
  }

  /** Run code against the e2e test hooks (window.lotseTest) inside the page. */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.page.evaluate(fn as never, arg) as Promise<R>;
  }

  async setLocale(locale: 'auto' | 'de' | 'en'): Promise<void> {
    await this.page.evaluate((l) => globalThis.lotseTest!.updateSettings({ locale: l }), locale);
  }
}
