/**
 * DOM access that a hostile page cannot subvert.
 *
 * A page can clobber named properties: `<img name="getElementById">` replaces `document.getElementById`,
 * `<input name="tagName">` replaces `form.tagName`, `<img name="body">` replaces `document.body`. Content
 * scripts run in an isolated JS world but see the same DOM bindings, so clobbering reaches them too.
 * Everything here calls prototype methods and getters captured when this module loads.
 */

type Getter<T, R> = (this: T) => R;

function getter<T, R>(proto: object, name: string): Getter<T, R> {
  let p: object | null = proto;
  while (p) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d?.get) return d.get as Getter<T, R>;
    p = Object.getPrototypeOf(p) as object | null;
  }
  throw new Error(`no getter ${name}`);
}

const hasDom = typeof Element !== 'undefined';

const E = hasDom ? Element.prototype : (Object.prototype as unknown as Element);
const N = hasDom ? Node.prototype : (Object.prototype as unknown as Node);
const D = hasDom ? Document.prototype : (Object.prototype as unknown as Document);
const F = hasDom ? DocumentFragment.prototype : (Object.prototype as unknown as DocumentFragment);

const eGetAttribute = E.getAttribute;
const eHasAttribute = E.hasAttribute;
const eQSA = E.querySelectorAll;
const eClosest = E.closest;
const eMatches = E.matches;
const eRect = E.getBoundingClientRect;
const eCheckVisibility = (E as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
const eClientRects = E.getClientRects;
const dQSA = D.querySelectorAll;
const dGEBTN = D.getElementsByTagName;
const eGEBTN = E.getElementsByTagName;
const fQSA = F.querySelectorAll;
const nContains = N.contains;
const nGetRootNode = N.getRootNode;
const nCompare = N.compareDocumentPosition;
const dCreateTreeWalker = D.createTreeWalker;

const gLocalName: Getter<Element, string> = hasDom ? getter(E, 'localName') : () => '';
const gParentNode: Getter<Node, Node | null> = hasDom ? getter(N, 'parentNode') : () => null;
const gNodeType: Getter<Node, number> = hasDom ? getter(N, 'nodeType') : () => 0;
const gOwnerDocument: Getter<Node, Document | null> = hasDom ? getter(N, 'ownerDocument') : () => null;
const gFirstChild: Getter<Node, Node | null> = hasDom ? getter(N, 'firstChild') : () => null;
const gNextSibling: Getter<Node, Node | null> = hasDom ? getter(N, 'nextSibling') : () => null;
const gPrevSibling: Getter<Node, Node | null> = hasDom ? getter(N, 'previousSibling') : () => null;
const gNodeValue: Getter<Node, string | null> = hasDom ? getter(N, 'nodeValue') : () => null;
const gData: Getter<CharacterData, string> | null =
  hasDom && typeof CharacterData !== 'undefined' ? getter(CharacterData.prototype, 'data') : null;
const gShadowRoot: Getter<Element, ShadowRoot | null> = hasDom ? getter(E, 'shadowRoot') : () => null;
const gHost: Getter<ShadowRoot, Element> = hasDom
  ? getter(ShadowRoot.prototype, 'host')
  : () => null as unknown as Element;
const gBody: Getter<Document, HTMLElement | null> = hasDom ? getter(D, 'body') : () => null;
const gDocumentElement: Getter<Document, HTMLElement | null> = hasDom ? getter(D, 'documentElement') : () => null;
const gDefaultView: Getter<Document, Window | null> = hasDom ? getter(D, 'defaultView') : () => null;
const gContentDocument: Getter<HTMLIFrameElement, Document | null> =
  hasDom && typeof HTMLIFrameElement !== 'undefined'
    ? getter(HTMLIFrameElement.prototype, 'contentDocument')
    : () => null;
const gFrameElement: Getter<Window, Element | null> = (() => {
  try {
    return hasDom && typeof Window !== 'undefined'
      ? getter<Window, Element | null>(Window.prototype, 'frameElement')
      : () => null;
  } catch {
    // Window is a [Global] interface: frameElement is an own property of each window, not on the prototype
    return function (this: Window) {
      return this.frameElement;
    };
  }
})();

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const DOCUMENT_NODE = 9;
export const DOCUMENT_FRAGMENT_NODE = 11;

export const attr = (el: Element, name: string): string | null => eGetAttribute.call(el, name);
export const hasAttr = (el: Element, name: string): boolean => eHasAttribute.call(el, name);
/** lower-case tag name (`localName`), safe against `<input name="tagName">` in forms */
export const tagOf = (el: Element): string => gLocalName.call(el);
export const parentNode = (n: Node): Node | null => gParentNode.call(n);
export const nodeType = (n: Node): number => gNodeType.call(n);
export const ownerDocument = (n: Node): Document | null => gOwnerDocument.call(n);
export const firstChild = (n: Node): Node | null => gFirstChild.call(n);
export const nextSibling = (n: Node): Node | null => gNextSibling.call(n);
export const prevSibling = (n: Node): Node | null => gPrevSibling.call(n);
/** text of a text/comment node (CharacterData.data), else nodeValue */
export const nodeValue = (n: Node): string | null => {
  const t = gNodeType.call(n);
  return gData && (t === 3 || t === 8 || t === 4) ? gData.call(n as CharacterData) : gNodeValue.call(n);
};
export const shadowRootOf = (el: Element): ShadowRoot | null => gShadowRoot.call(el);
export const hostOf = (r: ShadowRoot): Element => gHost.call(r);
export const bodyOf = (d: Document): HTMLElement | null => gBody.call(d);
export const documentElementOf = (d: Document): HTMLElement | null => gDocumentElement.call(d);
export const viewOf = (d: Document): Window | null => gDefaultView.call(d);
export const contains = (a: Node, b: Node): boolean => nContains.call(a, b);
export const rootNodeOf = (n: Node): Node => nGetRootNode.call(n);
export const closest = (el: Element, sel: string): Element | null => eClosest.call(el, sel);
export const matches = (el: Element, sel: string): boolean => eMatches.call(el, sel);
export const rectOf = (el: Element): DOMRect => eRect.call(el);
export const precedes = (a: Node, b: Node): boolean => (nCompare.call(a, b) & 4) !== 0;

export function frameElementOf(w: Window): Element | null {
  try {
    return gFrameElement.call(w);
  } catch {
    return null;
  }
}

export function contentDocumentOf(frame: Element): Document | null {
  try {
    return gContentDocument.call(frame as HTMLIFrameElement);
  } catch {
    return null;
  }
}

export function isElement(n: unknown): n is Element {
  return !!n && typeof n === 'object' && nodeType(n as Node) === ELEMENT_NODE;
}

/** parent element, or null at a document / shadow root */
export function parentElementOf(n: Node): Element | null {
  const p = parentNode(n);
  return p && nodeType(p) === ELEMENT_NODE ? (p as Element) : null;
}

/** parent element crossing shadow boundaries (shadow root → host) */
export function composedParent(n: Node): Element | null {
  const p = parentNode(n);
  if (!p) return null;
  const t = nodeType(p);
  if (t === ELEMENT_NODE) return p as Element;
  if (t === DOCUMENT_FRAGMENT_NODE) {
    try {
      return hostOf(p as ShadowRoot);
    } catch {
      return null;
    }
  }
  return null;
}

export function querySelectorAll(root: Document | Element | ShadowRoot, sel: string): ArrayLike<Element> {
  const t = nodeType(root);
  if (t === DOCUMENT_NODE) return dQSA.call(root as Document, sel);
  if (t === DOCUMENT_FRAGMENT_NODE) return fQSA.call(root as ShadowRoot, sel);
  return eQSA.call(root as Element, sel);
}

/**
 * elements by tag name: a live collection for documents and elements (cheap: Blink caches it while the
 * DOM does not change, and indexing it is much faster than a static NodeList), a query in shadow roots
 */
export function byTag(root: Document | Element | ShadowRoot, tag: string): ArrayLike<Element> {
  const t = nodeType(root);
  if (t !== DOCUMENT_NODE && t !== ELEMENT_NODE) return querySelectorAll(root, tag);
  // Keep the live collections: Blink caches a collection's length and position only while it lives and
  // the DOM does not change; a fresh one (after the last was garbage-collected) walks the document again.
  // A player polls resolve on an unchanged page, so the next call indexes the cached collections.
  let byName = liveCollections.get(root);
  if (!byName) liveCollections.set(root, (byName = new Map()));
  let list = byName.get(tag);
  if (!list) {
    list = t === DOCUMENT_NODE ? dGEBTN.call(root as Document, tag) : eGEBTN.call(root as Element, tag);
    byName.set(tag, list);
  }
  return list;
}

const liveCollections = new WeakMap<Node, Map<string, HTMLCollectionOf<Element>>>();

/** element children (safe iteration via firstChild / nextSibling) */
export function* childElements(n: Node): Generator<Element> {
  for (let c = firstChild(n); c; c = nextSibling(c)) if (nodeType(c) === ELEMENT_NODE) yield c as Element;
}

export function createTextWalker(doc: Document, root: Node): TreeWalker {
  return dCreateTreeWalker.call(doc, root, 4 /* NodeFilter.SHOW_TEXT */);
}

/** the element has a layout box and is not `visibility: hidden` (opacity is ignored: custom checkboxes) */
export function isRendered(el: Element): boolean {
  try {
    if (eCheckVisibility) return eCheckVisibility.call(el, { visibilityProperty: true, checkVisibilityCSS: true });
    return eClientRects.call(el).length > 0;
  } catch {
    return false;
  }
}

/** `getComputedStyle` of the element's own window, never a clobbered property */
export function computedStyleFn(
  doc: Document,
): ((el: Element, pseudo?: string | null) => CSSStyleDeclaration) | undefined {
  const w = viewOf(doc);
  if (!w) return undefined;
  const gcs = Window.prototype.getComputedStyle ?? w.getComputedStyle;
  return (el, pseudo) => gcs.call(w, el, pseudo ?? null);
}
