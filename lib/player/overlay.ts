/**
 * The player's in-page overlay: a highlight around the step's element (with optional soft dimming),
 * a card with the step (positioned next to the element with @floating-ui/dom, following it on scroll,
 * resize and layout change), and a polite live region that announces step changes.
 * Lives in a shadow root; built with DOM APIs, never innerHTML. Clicks that the page's own scripts
 * dispatch (isTrusted false) on our buttons do nothing.
 */
import { arrow, autoUpdate, computePosition, flip, offset, shift, type VirtualElement } from '@floating-ui/dom';
import { createInPageHost, h, type InPageHost } from '../inpage/host';
import type { Translate } from '../i18n/inpage';
import { deepActiveElement, isEditable, isTrusted, listen, topRect, type Off } from './dom';
import { OVERLAY_CSS } from './overlay.css';
import { SIDES, cardBox, chooseSide, fits, type Side } from './placement';

export type OverlayAction =
  | 'back'
  | 'next'
  | 'pause'
  | 'resume'
  | 'exit'
  | 'question'
  | 'confirm'
  | 'reject'
  | 'none'
  | 'point'
  | 'skip'
  | 'stop'
  | 'go-page'
  | 'pick-yes'
  | 'pick-again'
  | 'pick-cancel'
  | 'close'
  | 'restart';

export interface Button {
  action: OverlayAction;
  label: string;
  variant?: 'primary' | 'secondary' | 'ghost' | 'quiet';
  disabled?: boolean;
}

/** What the card shows; the controller builds it from the machine state. */
export interface CardView {
  kind: 'step' | 'looking' | 'ambiguous' | 'looks-different' | 'pointing' | 'paused' | 'finished' | 'toast';
  /** "Step k of n" and the progress bar; omitted where it does not help */
  progress?: { k: number; n: number };
  title: string;
  /** `lang` of the step's own texts (the walkthrough's language) */
  titleLang?: string;
  text?: string;
  example?: string;
  note?: { icon: 'hand' | 'info' | 'lock'; text: string };
  /** drawn into a canvas: an <img> with a blob: or data: URL could be blocked by the site's CSP */
  screenshot?: { bitmap: ImageBitmap; alt: string; label: string };
  /** "looking for …": shown with a spinner under the title */
  busy?: string;
  badge?: 'ok' | 'warn';
  /** main choices; `stack` renders them one per line (decisions) */
  buttons: Button[];
  stack?: boolean;
  /** the quiet row at the bottom (question, pause, exit) */
  footer?: Button[];
  /** take the keyboard focus to the card's first button (only where the mentee must decide) */
  focus?: boolean;
}

export type Placement = 'anchor' | 'dock' | 'center';
export type BoxStyle = 'target' | 'candidate' | 'picked';

export interface OverlayPrefs {
  largeText: boolean;
  dimPage: boolean;
  reducedMotion: boolean;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function icon(kind: 'mark' | 'hand' | 'info' | 'lock' | 'ok' | 'warn', size = 18): SVGSVGElement {
  const svg = Document.prototype.createElementNS.call(document, SVG_NS, 'svg') as SVGSVGElement;
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('viewBox', '0 0 32 32');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const add = (tag: string, attrs: Record<string, string>) => {
    const el = Document.prototype.createElementNS.call(document, SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    svg.appendChild(el);
  };
  switch (kind) {
    case 'mark':
      add('circle', { cx: '16', cy: '16', r: '15', fill: 'var(--lotse-color-primary)' });
      add('path', { d: 'M16 5 L19 16 L16 27 L13 16 Z', fill: '#fff' });
      add('path', { d: 'M16 5 L19 16 L13 16 Z', fill: 'var(--lotse-color-accent)' });
      break;
    case 'hand':
      add('path', {
        d: 'M12 4a2 2 0 0 1 4 0v9h1V7a2 2 0 0 1 4 0v7h1V10a2 2 0 0 1 4 0v10c0 5-3.5 8-8 8h-1c-3 0-5-1.5-6.5-4L6 17a2 2 0 0 1 3.2-2.4L12 18z',
        fill: 'currentColor',
      });
      break;
    case 'info':
      add('circle', { cx: '16', cy: '16', r: '13', fill: 'none', stroke: 'currentColor', 'stroke-width': '3' });
      add('path', { d: 'M14.5 14h3v9h-3zM14.5 8.5h3v3h-3z', fill: 'currentColor' });
      break;
    case 'lock':
      add('path', { d: 'M9 14v-3a7 7 0 0 1 14 0v3h2v14H7V14zm4 0h6v-3a3 3 0 0 0-6 0z', fill: 'currentColor' });
      break;
    case 'ok':
      add('path', { d: 'M13 21.2 7.8 16l-2.3 2.3L13 25.8 27 11.8l-2.3-2.3z', fill: 'currentColor' });
      break;
    case 'warn':
      add('path', { d: 'M16 3 30 28H2zm-1.5 9v8h3v-8zm0 10v3h3v-3z', fill: 'currentColor' });
      break;
  }
  return svg;
}

export class Overlay {
  private readonly ui: InPageHost;
  private readonly layer: HTMLElement;
  private readonly box: HTMLElement;
  private readonly hoverBox: HTMLElement;
  private readonly card: HTMLElement;
  private readonly arrowEl: HTMLElement;
  private readonly live: HTMLElement;
  private readonly offs: Off[] = [];
  private anchor: Element | null = null;
  private boxStyle: BoxStyle = 'target';
  private placement: Placement = 'dock';
  private stopTracking: (() => void) | null = null;
  private pointerIndex = 0;
  /** where the mouse is: the card must not appear under it (a site's hover menu would close) */
  private pointer: { x: number; y: number } | null = null;
  private side: Side | null = null;
  private viaPointer = false;
  private renderCount = 0;
  /** performance probe: called once the card for a found element has been painted */
  onPainted: (() => void) | null = null;

  constructor(
    private t: Translate,
    private prefs: OverlayPrefs,
    private readonly onAction: (a: OverlayAction, renderId: number) => void,
  ) {
    this.ui = createInPageHost('lotse-player');
    this.ui.addStyle(OVERLAY_CSS);
    this.ui.setLargeText(prefs.largeText);
    this.layer = h('div', { class: 'lp-layer' });
    this.box = h('div', { class: 'lp-box', hidden: true });
    this.hoverBox = h('div', { class: 'lp-box', 'data-style': 'hover', hidden: true });
    this.arrowEl = h('div', { class: 'lp-arrow', hidden: true });
    this.card = h('div', { class: 'lp-card', role: 'dialog', 'aria-modal': 'false', tabindex: '-1', hidden: true });
    this.live = h('div', { class: 'lp-sr', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.layer.append(this.box, this.hoverBox);
    this.ui.root.append(this.layer, this.card, this.live);

    // Our UI's events stay ours: a site's "click outside closes the dialog" must not fire on them.
    for (const type of [
      'click',
      'mousedown',
      'mouseup',
      'pointerdown',
      'pointerup',
      'keydown',
      'keyup',
      'keypress',
      'input',
      'focusin',
      'focusout',
    ]) {
      this.offs.push(listen(this.ui.root, type, (e) => e.stopPropagation(), { capture: false }));
    }
    // The index of the card a pointer went down on: a click on "Next" must not also count when the
    // page field lost focus to it and that already completed the step (blur → change → next step).
    this.offs.push(
      listen(this.card, 'pointerdown', () => {
        this.pointerIndex = this.renderCount;
        this.viaPointer = true;
      }),
      listen(window, 'keydown', () => (this.viaPointer = false), { capture: true, passive: true }),
    );
    this.offs.push(
      listen<PointerEvent>(window, 'pointermove', (e) => (this.pointer = { x: e.clientX, y: e.clientY }), {
        capture: true,
        passive: true,
      }),
    );
    this.offs.push(
      listen<KeyboardEvent>(this.card, 'keydown', (e) => {
        if (!isTrusted(e)) return;
        if (e.key === 'Escape') {
          e.preventDefault();
          this.onAction('pause', this.renderCount);
        }
      }),
    );
  }

  get host(): HTMLElement {
    return this.ui.host;
  }

  setPrefs(prefs: OverlayPrefs, t: Translate): void {
    this.prefs = prefs;
    this.t = t;
    this.ui.setLargeText(prefs.largeText);
    this.update();
  }

  /** Is the keyboard focus inside our card? */
  hasFocus(): boolean {
    return this.ui.root.activeElement !== null && this.ui.root.activeElement !== undefined;
  }

  /** Move the keyboard focus to the card (Alt+Shift+L, or a decision the mentee must make). */
  focusCard(): void {
    const first =
      this.card.querySelector<HTMLElement>('[data-autofocus]') ??
      this.card.querySelector<HTMLElement>('button:not(:disabled)');
    // after a mouse click no focus ring (it would look like a highlighted choice); with the keyboard, yes
    (first ?? this.card).focus({ preventScroll: true, focusVisible: !this.viaPointer } as FocusOptions);
  }

  announce(text: string): void {
    // Clearing first makes screen readers announce a repeated text too.
    this.live.textContent = '';
    setTimeout(() => (this.live.textContent = text), 60);
  }

  /** Show the card (and the highlight around `anchor` when placement is 'anchor'). */
  render(view: CardView, placement: Placement, anchor: Element | null = null, boxStyle: BoxStyle = 'target'): void {
    const hadFocus = this.hasFocus();
    this.renderCount++;
    const renderId = this.renderCount;
    this.placement = anchor ? placement : placement === 'anchor' ? 'dock' : placement;
    this.setAnchor(this.placement === 'anchor' ? anchor : null, boxStyle);
    // the content scrolls inside the card on a small window; the arrow sits outside that scroller
    this.card.replaceChildren(h('div', { class: 'lp-scroll' }, ...this.buildCard(view, renderId)));
    this.card.setAttribute('data-kind', view.kind);
    this.card.setAttribute('data-place', this.placement);
    this.card.setAttribute('aria-labelledby', 'lp-title');
    this.card.setAttribute('aria-describedby', 'lp-desc');
    if (this.placement !== 'anchor') this.card.style.removeProperty('transform');
    this.card.hidden = false;
    this.arrowEl.hidden = this.placement !== 'anchor';
    if (this.placement === 'anchor') this.card.append(this.arrowEl);
    this.update();
    // Never take the focus from a page field the mentee types into; keep it in the card if it was there.
    if (hadFocus || (view.focus && !isEditable(deepActiveElement()))) this.focusCard();
  }

  /** Hide the card and the highlight (e.g. while a page loads). */
  clear(): void {
    this.setAnchor(null, 'target');
    this.card.hidden = true;
    this.card.replaceChildren();
    this.card.removeAttribute('data-kind');
    this.arrowEl.hidden = true;
  }

  /** The dashed box that follows the pointer in "show me where". */
  setHover(el: Element | null): void {
    if (!el) {
      this.hoverBox.hidden = true;
      return;
    }
    this.placeBox(this.hoverBox, el);
    this.hoverBox.hidden = false;
  }

  destroy(): void {
    this.stopTracking?.();
    this.stopTracking = null;
    for (const off of this.offs.splice(0)) off();
    this.ui.remove();
  }

  /* ---------- internals ---------- */

  private setAnchor(el: Element | null, style: BoxStyle): void {
    const changed = el !== this.anchor || style !== this.boxStyle;
    this.boxStyle = style;
    if (!changed) return;
    this.stopTracking?.();
    this.stopTracking = null;
    this.anchor = el;
    this.side = null;
    if (!el) {
      this.box.hidden = true;
      this.box.removeAttribute('data-pulse');
      return;
    }
    this.box.setAttribute('data-style', style);
    this.box.toggleAttribute('data-dim', this.prefs.dimPage && style !== 'picked');
    this.box.hidden = false;
    if (!this.prefs.reducedMotion && style === 'target') this.box.setAttribute('data-pulse', '');
    else this.box.removeAttribute('data-pulse');
    // floating-ui listens to scroll and resize of the element's ancestors (also across the iframe),
    // a ResizeObserver and an IntersectionObserver for layout shifts: no polling, no per-frame work.
    const tracker: VirtualElement = { getBoundingClientRect: () => topRect(el), contextElement: el };
    const stopAuto = autoUpdate(tracker, this.card, () => this.update(), {
      ancestorScroll: true,
      ancestorResize: true,
      elementResize: true,
      layoutShift: true,
      animationFrame: false,
    });
    // A dialog that slides or fades in moves its fields with a CSS transform, which none of the above
    // notice: place the box again when a transition or animation on the page ends (no per-frame work).
    const doc = el.ownerDocument;
    const onMotionEnd = () => this.update();
    doc.addEventListener('transitionend', onMotionEnd, true);
    doc.addEventListener('animationend', onMotionEnd, true);
    this.stopTracking = () => {
      stopAuto();
      doc.removeEventListener('transitionend', onMotionEnd, true);
      doc.removeEventListener('animationend', onMotionEnd, true);
    };
  }

  private placeBox(box: HTMLElement, el: Element): void {
    const r = topRect(el);
    const pad = 6;
    box.style.transform = `translate(${Math.round(r.left - pad)}px, ${Math.round(r.top - pad)}px)`;
    box.style.width = `${Math.round(r.width + pad * 2)}px`;
    box.style.height = `${Math.round(r.height + pad * 2)}px`;
  }

  private update(): void {
    const el = this.anchor;
    if (!el || this.placement !== 'anchor') return;
    this.box.toggleAttribute('data-dim', this.prefs.dimPage && this.boxStyle !== 'picked');
    this.placeBox(this.box, el);
    // Our own rectangle in top-frame coordinates, without a contextElement: floating-ui would add the
    // iframe offset a second time.
    const reference: VirtualElement = { getBoundingClientRect: () => topRect(el) };
    const renderId = this.renderCount;
    // The side: kept while it still fits (the card must not jump away from a mouse about to click it);
    // chosen anew for a new element, away from the mouse pointer (see placement.ts).
    const ref = topRect(el);
    const card = { width: this.card.offsetWidth, height: this.card.offsetHeight };
    const de = document.documentElement;
    const view = { width: de?.clientWidth || window.innerWidth, height: de?.clientHeight || window.innerHeight };
    if (!this.side || !fits(cardBox(this.side, ref, card, view, 16, 12), view, 12))
      this.side = chooseSide(ref, card, view, this.pointer);
    void computePosition(reference, this.card, {
      strategy: 'fixed',
      placement: this.side ?? 'bottom',
      middleware: [
        offset(16),
        // the chosen side first; flip is the safety net should the card not fit there after all
        flip({ padding: 12, fallbackPlacements: SIDES.filter((x) => x !== this.side) }),
        shift({ padding: 12, crossAxis: true }),
        arrow({ element: this.arrowEl, padding: 14 }),
      ],
    }).then(({ x, y, placement, middlewareData }) => {
      if (renderId !== this.renderCount && this.anchor !== el) return;
      this.card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      const side = placement.split('-')[0] as 'top' | 'bottom' | 'left' | 'right';
      const a = middlewareData.arrow;
      const staticSide = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' }[side];
      this.arrowEl.setAttribute('data-side', side);
      this.arrowEl.style.left = a?.x !== undefined ? `${a.x}px` : '';
      this.arrowEl.style.top = a?.y !== undefined ? `${a.y}px` : '';
      this.arrowEl.style.right = '';
      this.arrowEl.style.bottom = '';
      this.arrowEl.style.setProperty(staticSide, '-8px');
      if (this.onPainted) {
        const probe = this.onPainted;
        this.onPainted = null;
        // after the next frame was painted
        requestAnimationFrame(() => setTimeout(probe, 0));
      }
    });
  }

  private button(b: Button, renderId: number): HTMLButtonElement {
    const variant = b.variant ?? 'secondary';
    const el = h('button', {
      type: 'button',
      class: `lp-btn lp-btn--${variant === 'quiet' ? 'ghost lp-btn--quiet' : variant}`,
      'data-action': b.action,
      disabled: b.disabled,
      text: b.label,
    });
    listen<MouseEvent>(el, 'click', (e) => {
      // A click made up by the page's own script must never steer the walkthrough.
      if (!isTrusted(e)) return;
      e.preventDefault();
      // pointer went down on an older card: that card's choice is stale
      if (e.detail > 0 && this.pointerIndex !== renderId) return;
      this.onAction(b.action, renderId);
    });
    return el;
  }

  private buildCard(view: CardView, renderId: number): Node[] {
    const t = this.t;
    const nodes: Node[] = [];
    if (view.kind !== 'toast') {
      const head = h('div', { class: 'lp-head' }, icon('mark', 18), h('span', { text: 'Lotse' }));
      if (view.progress) {
        head.append(
          h('span', { 'aria-hidden': 'true', text: '·' }),
          h('span', { text: t('player.stepOf', view.progress) }),
        );
      }
      nodes.push(head);
      if (view.progress && view.progress.n > 0) {
        const pct = Math.round((Math.min(view.progress.k, view.progress.n) / view.progress.n) * 100);
        const fill = h('span');
        fill.style.width = `${pct}%`;
        nodes.push(h('div', { class: 'lp-progress', 'aria-hidden': 'true' }, fill));
      }
    }
    if (view.badge)
      nodes.push(h('div', { class: `lp-badge lp-badge--${view.badge}`, 'aria-hidden': 'true' }, icon(view.badge, 26)));
    const title = h('h2', { class: 'lp-title', id: 'lp-title', lang: view.titleLang, text: view.title });
    nodes.push(title);
    if (view.busy)
      nodes.push(
        h(
          'div',
          { class: 'lp-looking' },
          h('div', { class: 'lp-spinner', 'aria-hidden': 'true' }),
          h('span', { text: view.busy }),
        ),
      );
    const desc = h('div', { id: 'lp-desc' });
    if (view.text)
      desc.append(
        h('p', { class: 'lp-text', lang: view.kind === 'step' ? view.titleLang : undefined, text: view.text }),
      );
    if (view.example) desc.append(h('p', { class: 'lp-example', lang: view.titleLang, text: view.example }));
    if (view.note)
      desc.append(h('p', { class: 'lp-note' }, icon(view.note.icon, 16), h('span', { text: view.note.text })));
    if (view.kind === 'step' || view.kind === 'looking')
      desc.append(h('span', { class: 'lp-sr', text: t('player.keyboardHint') }));
    nodes.push(desc);
    if (view.screenshot) {
      nodes.push(h('p', { class: 'lp-shot-label', text: view.screenshot.label }));
      const { bitmap } = view.screenshot;
      const canvas = h('canvas', { class: 'lp-shot', role: 'img', 'aria-label': view.screenshot.alt });
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
      nodes.push(canvas);
    }
    if (view.buttons.length) {
      const row = h('div', { class: view.stack ? 'lp-stack' : 'lp-row' });
      let first = true;
      for (const b of view.buttons) {
        const el = this.button(b, renderId);
        if (first && !b.disabled) {
          el.setAttribute('data-autofocus', '');
          first = false;
        }
        row.append(el);
      }
      nodes.push(row);
    }
    if (view.footer?.length) {
      const [first, ...rest] = view.footer;
      const foot = h('div', { class: 'lp-foot' });
      if (first) foot.append(this.button(first, renderId));
      if (rest.length) foot.append(h('div', { class: 'lp-foot-end' }, ...rest.map((b) => this.button(b, renderId))));
      nodes.push(foot);
    }
    return nodes;
  }
}
