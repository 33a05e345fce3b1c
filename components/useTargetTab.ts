import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * The browser tab the side panel or popup works on: `?tabId=` when given (tests open the side panel as a
 * tab, where "the active tab" would be the panel itself), else the active tab of the current window.
 */
export async function getTargetTabId(): Promise<number | undefined> {
  const q = new URLSearchParams(location.search).get('tabId');
  if (q && /^\d+$/.test(q)) return Number(q);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function useTargetTabId(): number | undefined {
  const [id, setId] = useState<number>();
  useEffect(() => {
    let alive = true;
    const refresh = () => void getTargetTabId().then((t) => alive && setId(t));
    refresh();
    browser.tabs.onActivated.addListener(refresh);
    return () => {
      alive = false;
      browser.tabs.onActivated.removeListener(refresh);
    };
  }, []);
  return id;
}
