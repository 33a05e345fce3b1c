/**
 * DOM access for the in-page player that a hostile page cannot subvert. The content script's own
 * prototypes are clean (isolated world), but named properties can still be clobbered on documents and
 * forms (`<img name="addEventListener">`), so we call prototype methods captured at load time.
 */

const ET = EventTarget.prototype;
const addL = ET.addEventListener;
const removeL = ET.removeEventListener;
const E = Element.prototype;
const eRect = E.getBoundingClientRect;
const eScroll = E.scrollIntoView;
const eClosest = E.closest;
const eCheckVisibility = (E as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
const eClientRects = E.getClientRects;
const eGetAttr = E.getAttribute;
const N = Node.prototype;
const nContains = N.contains;
const nGetRootNode = N.getRootNode;
const D = Document.prototype;
const dQSA = D.querySelectorAll;

function getter<T, R>(proto: object, name: string): (this: T) => R {
  let p: object | null = proto;
  while (p) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d?.get) return d.get as (this: T) => R;
    p = Object.getPrototypeOf(p) as object | null;
  }
  throw new Error(`no getter ${name}`);
}
const gConnected = getter<Node, boolean>(N, 'isConnected');
const gOwnerDocument = getter<Node, Document | null>(N, 'ownerDocument');
const gDefaultView = getter<Document, Window | null>(D, 'defaultView');
const gActiveElement = getter<Document, Element | null>(D, 'activeElement');
const gShadowActive = getter<ShadowRoot, Element | null>(ShadowRoot.prototype, 'activeElement');
const gShadowRoot = getter<Element, ShadowRoot | null>(E, 'shadowRoot');
// Window is a [Global] interface: frameElement is an own property of each window, not on Window.prototype
const gFrameElement = function (this: Window): Element | null {
  return this.frameElement;
};
const gContentDocument = getter<HTMLIFrameElement, Document | null>(HTMLIFrameElement.prototype, 'contentDocument');
const gLocalName = getter<Element, string>(E, 'localName');
const gTarget = getter<Event, EventTarget | null>(Event.prototype, 'target');

export type Off = () => void;

/** addEventListener that page clobbering cannot replace; returns the matching remover. */
export function listen<E extends Event = Event>(
  target: EventTarget,
  type: string,
  fn: (e: E) => void,
  opts: AddEventListenerOptions | boolean = { capture: true },
): Off {
  const h = fn as EventListener;
  addL.call(target, type, h, opts);
  return () => removeL.call(target, type, h, opts);
}

export const rectOf = (el: Element): DOMRect => eRect.call(el);
export const contains = (a: Node, b: Node | null): boolean => !!b && nContains.call(a, b);
export const rootNodeOf = (n: Node): Node => nGetRootNode.call(n);
export const isConnected = (n: Node): boolean => gConnected.call(n);
export const ownerDocumentOf = (n: Node): Document | null => gOwnerDocument.call(n);
export const viewOf = (d: Document): Window | null => gDefaultView.call(d);
export const tagOf = (el: Element): string => gLocalName.call(el);
/** `isTrusted` is unforgeable (an own property of each event that no script can redefine). */
export const isTrusted = (e: Event): boolean => e.isTrusted === true;
export const eventTarget = (e: Event): EventTarget | null => gTarget.call(e);

export function closest(el: Element, sel: string): Element | null {
  try {
    return eClosest.call(el, sel);
  } catch {
    return null;
  }
}

export function frameElementOf(w: Window): Element | null {
  try {
    return gFrameElement.call(w);
  } catch {
    return null; // cross-origin parent
  }
}

export function contentDocumentOf(frame: Element): Document | null {
  try {
    return tagOf(frame) === 'iframe' || tagOf(frame) === 'frame'
      ? gContentDocument.call(frame as HTMLIFrameElement)
      : null;
  } catch {
    return null;
  }
}

/** The element has a layout box and is not hidden by CSS. */
export function isShown(el: Element): boolean {
  try {
    if (eCheckVisibility) return eCheckVisibility.call(el, { visibilityProperty: true, checkVisibilityCSS: true });
    return eClientRects.call(el).length > 0;
  } catch {
    return false;
  }
}

/**
 * The element's box in the coordinates of the top document's viewport: same-origin iframes add their
 * content-box offset, so a highlight drawn by the top frame sits exactly on an element inside a frame.
 */
export function topRect(el: Element, top: Window = window): DOMRect {
  const r = rectOf(el);
  let x = r.left;
  let y = r.top;
  const doc = ownerDocumentOf(el);
  let win = doc ? viewOf(doc) : null;
  for (let depth = 0; win && win !== top && depth < 10; depth++) {
    const frame = frameElementOf(win);
    if (!frame) break;
    const fr = rectOf(frame);
    const fdoc = ownerDocumentOf(frame);
    const fwin = fdoc ? viewOf(fdoc) : null;
    // an own property of each window ([Global]); named elements cannot shadow a window's own properties
    const cs = fwin ? fwin.getComputedStyle(frame) : null;
    x += fr.left + (frame as HTMLElement).clientLeft + (cs ? parseFloat(cs.paddingLeft) || 0 : 0);
    y += fr.top + (frame as HTMLElement).clientTop + (cs ? parseFloat(cs.paddingTop) || 0 : 0);
    win = fwin;
  }
  return new DOMRect(x, y, r.width, r.height);
}

/** Scroll the element into view unless it is already fully visible in the top viewport. */
export function revealElement(el: Element, reducedMotion: boolean): void {
  const r = topRect(el);
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const margin = 24;
  const visible = r.top >= margin && r.left >= 0 && r.bottom <= vh - margin && r.right <= vw;
  if (visible) return;
  try {
    eScroll.call(el, { block: 'center', inline: 'nearest', behavior: reducedMotion ? 'auto' : 'smooth' });
  } catch {
    /* detached */
  }
}

/** The deepest focused element, through open shadow roots and same-origin frames. */
export function deepActiveElement(doc: Document = document): Element | null {
  let el = gActiveElement.call(doc);
  for (let depth = 0; el && depth < 20; depth++) {
    const sr = gShadowRoot.call(el);
    if (sr) {
      const inner = gShadowActive.call(sr);
      if (!inner) break;
      el = inner;
      continue;
    }
    const inner = contentDocumentOf(el);
    if (inner) {
      const a = gActiveElement.call(inner);
      if (!a || a === inner.body) break;
      el = a;
      continue;
    }
    break;
  }
  return el;
}

/** A page field the mentee types into (we never take the focus away from it). */
export function isEditable(el: Element | null): boolean {
  if (!el) return false;
  const tag = tagOf(el);
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (eGetAttr.call(el, 'type') ?? 'text').toLowerCase();
    return !['button', 'submit', 'reset', 'checkbox', 'radio', 'image', 'file', 'range', 'color'].includes(type);
  }
  return closest(el, '[contenteditable]:not([contenteditable="false"])') !== null;
}

/** Same-origin documents in the page: the top document and its reachable iframes (for pick mode). */
export function reachableDocuments(doc: Document = document, out: Document[] = [], depth = 0): Document[] {
  out.push(doc);
  if (depth > 4) return out;
  let frames: ArrayLike<Element> = [];
  try {
    frames = dQSA.call(doc, 'iframe, frame');
  } catch {
    return out;
  }
  for (let i = 0; i < frames.length; i++) {
    const inner = contentDocumentOf(frames[i]!);
    if (inner && !out.includes(inner)) reachableDocuments(inner, out, depth + 1);
  }
  return out;
}

export function prefersReducedMotion(): boolean {
  try {
    return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  } catch {
    return false;
  }
}
