import type { BrowserContext } from '@playwright/test';
import { ExtensionPage } from './extension-page';

export class PopupPage extends ExtensionPage {
  constructor(context: BrowserContext, extensionId: string) {
    super(context, extensionId, 'popup.html');
  }

  openPopup(query = '') {
    return this.open(query, { width: 360, height: 560 });
  }
}
