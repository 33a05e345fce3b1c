import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n';
import { requestPersistentStorage } from '~/lib/db/persist';
import { installTestHooks } from '~/lib/testing/hooks';
import './app.css';

/** Shared start-up of every extension page (popup, side panel, options). */
export function mountPage(app: ReactNode): void {
  void requestPersistentStorage();
  installTestHooks();
  const el = document.getElementById('root');
  if (!el) throw new Error('#root missing');
  createRoot(el).render(
    <StrictMode>
      <I18nProvider>{app}</I18nProvider>
    </StrictMode>,
  );
}
