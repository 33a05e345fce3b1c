/**
 * A host for UI injected into web pages: a custom element on <html> with a shadow root.
 * The root is closed in production, so page scripts cannot read what the user types into it (a question
 * is confidential); the e2e build opens it so Playwright and axe-core can see inside.
 * The page's CSS cannot reach inside; inline `!important` declarations on the host win over hostile
 * global rules such as `* { all: unset }` or `div { z-index: … !important }`. We never use innerHTML.
 */
import tokens from '~/assets/tokens.css?inline';

export interface InPageHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** append a stylesheet (text) to the shadow root */
  addStyle(css: string): void;
  setLargeText(on: boolean): void;
  remove(): void;
}

export const SHADOW_MODE: ShadowRootMode = import.meta.env.MODE === 'e2e' ? 'open' : 'closed';

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  inset: '0 auto auto 0',
  width: '0',
  height: '0',
  overflow: 'visible',
  'z-index': '2147483647',
  display: 'block',
  visibility: 'visible',
  opacity: '1',
  'pointer-events': 'none',
  contain: 'none',
  transform: 'none',
  filter: 'none',
};

/** Create (or recreate) a shadow host. `name` must be a valid custom element name (contain a dash). */
export function createInPageHost(name: string, doc: Document = document): InPageHost {
  // Use prototype methods: a hostile page can clobber document.getElementById & co. by name.
  const existing = Document.prototype.querySelector.call(doc, name);
  existing?.remove();
  const host = Document.prototype.createElement.call(doc, name) as HTMLElement;
  for (const [prop, value] of Object.entries(HOST_STYLE)) host.style.setProperty(prop, value, 'important');
  host.setAttribute('data-lotse-ui', '');
  const root = host.attachShadow({ mode: SHADOW_MODE });
  const addStyle = (css: string) => {
    const style = Document.prototype.createElement.call(doc, 'style') as HTMLStyleElement;
    style.textContent = css;
    root.appendChild(style);
  };
  addStyle(tokens);
  addStyle(`:host { font-family: var(--lotse-font); font-size: var(--lotse-font-size); line-height: var(--lotse-line-height); color: var(--lotse-color-text); }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
:focus-visible { outline: none; box-shadow: var(--lotse-focus-ring); }`);
  (doc.documentElement ?? doc.body).appendChild(host);
  return {
    host,
    root,
    addStyle,
    setLargeText(on) {
      host.classList.toggle('lotse-large-text', on);
    },
    remove() {
      host.remove();
    },
  };
}

/** True when an event or element belongs to Lotse's own in-page UI (never recorded, never a target). */
export function isLotseUi(node: Node | null | undefined): boolean {
  let n: Node | null | undefined = node;
  while (n) {
    if (n instanceof Element && n.hasAttribute('data-lotse-ui')) return true;
    n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null);
  }
  return false;
}

/** Small DOM builder so in-page UI never needs innerHTML. Text is always set as textContent. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | boolean | number | undefined> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  // through the prototype: a hostile page can clobber document.createElement with <img name=createElement>
  const el = Document.prototype.createElement.call(document, tag) as HTMLElementTagNameMap[K];
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? Document.prototype.createTextNode.call(document, c) : c);
  }
  return el;
}
