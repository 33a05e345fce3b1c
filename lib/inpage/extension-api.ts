/**
 * Recover the extension API in a content script on a page that clobbers it. DOM clobbering reaches the
 * isolated world: with `<form id=chrome><input name=runtime></form>` on the page, Chrome hangs the
 * extension APIs on that form element, where the form's own controls shadow them ([LegacyOverrideBuiltIns]),
 * so `chrome.runtime` is the <input>; `<form id=browser>` does the same to `browser`.
 *
 * Imported first by the content script, before `wxt/browser` decides which global to use: it finds the real
 * API objects and pins them as an own property `browser` of the isolated world's global, which named
 * elements can never override. Pages that clobber nothing are not touched.
 */

type Api = Record<string, unknown> & { runtime?: { id?: unknown; getURL?: unknown } };

const isRealApi = (v: unknown): v is Api => {
  const runtime = (v as Api | null | undefined)?.runtime;
  return typeof runtime?.getURL === 'function' && typeof runtime.id === 'string' && runtime.id !== '';
};

/**
 * Read the own (API) properties of a clobbered element while no descendant shadows them. A form remembers
 * the old names of its controls, so renaming is not enough: the shadowing controls are taken out and put
 * back in place within the same task (the page never renders the difference).
 */
function unshadow(el: Element): Api | undefined {
  const keys = new Set(Object.getOwnPropertyNames(el).filter((k) => !/^\d+$/.test(k)));
  const attr = (n: Element, a: string) => Element.prototype.getAttribute.call(n, a) ?? '';
  const shadows = Array.from(Element.prototype.querySelectorAll.call(el, '[name], [id]')).filter(
    (n) => keys.has(attr(n, 'name')) || keys.has(attr(n, 'id')),
  );
  const spots = shadows.map((n) => ({ n, parent: n.parentNode, next: n.nextSibling }));
  const focused = Object.getOwnPropertyDescriptor(Document.prototype, 'activeElement')?.get?.call(
    document,
  ) as Element | null;
  try {
    for (const { n, parent } of spots) if (parent) Node.prototype.removeChild.call(parent, n);
    const api: Api = {};
    for (const key of keys) api[key] = (el as unknown as Record<string, unknown>)[key];
    return isRealApi(api) ? api : undefined;
  } finally {
    // reverse order: a recorded next sibling that was taken out too is back before it is needed
    for (const { n, parent, next } of spots.reverse()) if (parent) Node.prototype.insertBefore.call(parent, n, next);
    if (focused && shadows.includes(focused) && focused instanceof HTMLElement) focused.focus({ preventScroll: true });
  }
}

function recover(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  if (isRealApi(g.browser) || typeof Element === 'undefined') return;
  let api: Api | undefined = isRealApi(g.chrome) ? g.chrome : undefined;
  // the usual case: nothing clobbered, wxt/browser falls back to `chrome` by itself
  if (api && g.browser === undefined) return;
  for (const name of ['chrome', 'browser']) {
    const v = g[name];
    if (!api && v instanceof Element) api = unshadow(v);
  }
  if (api)
    Object.defineProperty(globalThis, 'browser', {
      value: api,
      configurable: true,
      enumerable: false,
      writable: false,
    });
}

recover();
