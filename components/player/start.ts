import { useCallback, useState } from 'react';
import { ensureSiteAccess, originPattern } from '../permissions';
import { getTargetTabId } from '../useTargetTab';
import { send, toErrorCode, errorMessageKey } from '~/lib/messages';
import type { StartMode } from '~/lib/player/progress';
import type { Walkthrough } from '~/lib/schema';
import type { Translate } from '~/lib/i18n';

export type StartNotice = { kind: 'info' | 'danger'; text: string } | null;

/**
 * Start, continue or restart a walkthrough from a click (the user gesture browsers require before they
 * ask for a site's permission): ask once for the site, then let the background open the tab and play.
 */
export function useStartWalkthrough(t: Translate, tabId?: number) {
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<StartNotice>(null);
  const start = useCallback(
    async (w: Pick<Walkthrough, 'id' | 'startUrl'>, mode: StartMode): Promise<boolean> => {
      setNotice(null);
      // First thing in the click: the permission prompt needs the user gesture.
      const granted = await ensureSiteAccess(w.startUrl);
      if (!granted) {
        const site = originPattern(w.startUrl)?.replace(/\/\*$/, '') ?? w.startUrl;
        setNotice({ kind: 'danger', text: t('player.library.permission', { site: site.replace(/^https?:\/\//, '') }) });
        return false;
      }
      setBusy(w.id);
      try {
        const target = tabId ?? (await getTargetTabId());
        await send('player.start', { walkthroughId: w.id, mode, ...(target !== undefined ? { tabId: target } : {}) });
        setNotice({ kind: 'info', text: t('player.library.opening') });
        return true;
      } catch (err) {
        setNotice({ kind: 'danger', text: t(errorMessageKey(toErrorCode(err))) });
        return false;
      } finally {
        setBusy(null);
      }
    },
    [t, tabId],
  );
  const stop = useCallback(async (walkthroughId: string) => {
    await send('player.stop', { walkthroughId }).catch(() => undefined);
  }, []);
  const focus = useCallback(
    async (walkthroughId: string) => {
      setNotice(null);
      try {
        await send('player.focus', { walkthroughId });
      } catch (err) {
        setNotice({ kind: 'danger', text: t(errorMessageKey(toErrorCode(err))) });
      }
    },
    [t],
  );
  return { start, stop, focus, busy, notice, setNotice };
}
