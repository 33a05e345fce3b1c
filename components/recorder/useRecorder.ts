import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { send, toErrorCode, type ErrorCode } from '~/lib/messages';
import type { RecorderStatus } from '~/lib/messages/parts/recorder';
import { RECORDING_KEY } from '~/lib/recorder/state';
import { originPattern, ensureSiteAccess } from '../permissions';
import { useI18n } from '../i18n';

export type RecorderProblem =
  | { kind: 'refused'; site: string }
  | { kind: 'unsupported' }
  | { kind: 'no-tab' }
  | { kind: 'error'; code: ErrorCode };

const IDLE: RecorderStatus = { recording: false, paused: false, stepCount: 0 };

/** The recording status, live: the background keeps it in storage.session; we follow its changes. */
export function useRecorderStatus(): RecorderStatus {
  const [status, setStatus] = useState<RecorderStatus>(IDLE);
  useEffect(() => {
    let alive = true;
    const refresh = () =>
      void send('recorder.status', {})
        .then((s) => alive && setStatus(s))
        .catch(() => undefined);
    refresh();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && RECORDING_KEY in changes) refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    // the step count comes from the database; the state changes with every step, so this suffices
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return status;
}

/** URL of a tab, kept current while it navigates. */
export function useTabUrl(tabId: number | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (tabId === undefined) return;
    let alive = true;
    void browser.tabs
      .get(tabId)
      .then((t) => alive && setUrl(t.url ?? t.pendingUrl))
      .catch(() => alive && setUrl(undefined));
    const onUpdated = (id: number, info: { url?: string }) => {
      if (id === tabId && info.url) setUrl(info.url);
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      alive = false;
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId]);
  return url;
}

/** Whether Lotse may read the site already (then no prompt and no explanation are needed). */
export function useSiteAccess(url: string | undefined): boolean | undefined {
  const [has, setHas] = useState<boolean>();
  useEffect(() => {
    const pattern = url ? originPattern(url) : undefined;
    if (!pattern) {
      setHas(undefined);
      return;
    }
    let alive = true;
    const check = () =>
      void browser.permissions
        .contains({ origins: [pattern] })
        .then((v) => alive && setHas(v))
        .catch(() => alive && setHas(false));
    check();
    browser.permissions.onAdded?.addListener(check);
    browser.permissions.onRemoved?.addListener(check);
    return () => {
      alive = false;
      browser.permissions.onAdded?.removeListener(check);
      browser.permissions.onRemoved?.removeListener(check);
    };
  }, [url]);
  return has;
}

export function siteName(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

export function isRecordable(url: string | undefined): boolean {
  return !!url && /^https?:\/\//i.test(url);
}

/** Start/stop/pause with the permission step and clear errors. */
export function useRecorderActions(tabId: number | undefined, url: string | undefined) {
  const { locale } = useI18n();
  const [problem, setProblem] = useState<RecorderProblem>();
  const [busy, setBusy] = useState(false);

  const start = useCallback(
    async (opts: { walkthroughId?: string } = {}): Promise<string | undefined> => {
      setProblem(undefined);
      if (tabId === undefined) {
        setProblem({ kind: 'no-tab' });
        return undefined;
      }
      if (!isRecordable(url)) {
        setProblem({ kind: 'unsupported' });
        return undefined;
      }
      // first, in the click's user gesture: browsers show the permission prompt only then
      const ok = await ensureSiteAccess(url!);
      if (!ok) {
        setProblem({ kind: 'refused', site: siteName(url) });
        return undefined;
      }
      setBusy(true);
      try {
        const r = await send('recorder.start', { tabId, language: locale, ...(opts.walkthroughId ? { walkthroughId: opts.walkthroughId } : {}) });
        return r.walkthroughId;
      } catch (err) {
        setProblem({ kind: 'error', code: toErrorCode(err) });
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [tabId, url, locale],
  );

  const stop = useCallback(async () => {
    setBusy(true);
    try {
      return await send('recorder.stop', {});
    } catch (err) {
      setProblem({ kind: 'error', code: toErrorCode(err) });
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);

  const pause = useCallback(async (paused: boolean) => {
    try {
      await send('recorder.pause', { paused });
    } catch (err) {
      setProblem({ kind: 'error', code: toErrorCode(err) });
    }
  }, []);

  /** the recorded tab went to a site without access: ask for it, then inject again */
  const grantBlocked = useCallback(async (pattern: string) => {
    const url = pattern.replace(/\/\*$/, '/');
    if (!(await ensureSiteAccess(url))) {
      setProblem({ kind: 'refused', site: siteName(url) });
      return;
    }
    try {
      await send('recorder.reinject', {});
    } catch (err) {
      setProblem({ kind: 'error', code: toErrorCode(err) });
    }
  }, []);

  return { start, stop, pause, grantBlocked, problem, setProblem, busy };
}
