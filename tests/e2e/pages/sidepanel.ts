import type { BrowserContext, Locator } from '@playwright/test';
import { ExtensionPage } from './extension-page';

export class SidePanelPage extends ExtensionPage {
  constructor(context: BrowserContext, extensionId: string) {
    super(context, extensionId, 'sidepanel.html');
  }

  /** Open the side panel for a given browser tab (in a tab, "the active tab" is the side panel itself). */
  openFor(tabId?: number, section?: string) {
    const q = new URLSearchParams();
    if (tabId !== undefined) q.set('tabId', String(tabId));
    if (section) q.set('section', section);
    return this.open(q.toString());
  }

  nav(): Locator {
    return this.page.getByRole('navigation');
  }

  async goTo(section: RegExp | string): Promise<void> {
    await this.nav().getByRole('button', { name: section }).click();
  }
}
