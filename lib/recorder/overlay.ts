/**
 * In-page overlays of the editor's tools: the element picker ("choose the element again": a banner,
 * a hover outline) and the step preview (an outline with the step's number and title). Shadow root,
 * no innerHTML, never restyles the page.
 */
import { createInPageHost, h, type InPageHost } from '../inpage/host';
import { createTranslator, type UiLocale } from '../i18n/inpage';
import type { Rect } from './page';

const CSS = `
.banner, .tag { font-family: var(--lotse-font); font-size: var(--lotse-font-size); line-height: 1.4; }
.box { position: fixed; pointer-events: none; border: 3px solid var(--lotse-color-highlight); border-radius: 6px;
  box-shadow: 0 0 0 4px rgba(27,36,48,.35), 0 0 0 9999px rgba(27,36,48,.12); transition: all 80ms ease-out; }
.box[hidden] { display: none; }
.banner { position: fixed; top: 16px; left: 50%; transform: translateX(-50%); pointer-events: auto; display: flex;
  align-items: center; gap: 12px; padding: 12px 14px 12px 18px; max-width: calc(100vw - 32px);
  background: var(--lotse-color-primary); color: var(--lotse-color-primary-text); border-radius: var(--lotse-radius);
  box-shadow: var(--lotse-shadow); font-weight: 600; }
.banner button { font: inherit; font-size: var(--lotse-font-size-small); min-height: 36px; padding: 0 14px; cursor: pointer;
  border-radius: var(--lotse-radius-small); border: 1px solid rgba(255,255,255,.7); background: transparent; color: inherit; }
.banner button:hover { background: rgba(255,255,255,.15); }
.tag { position: fixed; pointer-events: none; max-width: min(420px, calc(100vw - 24px)); padding: 8px 12px;
  background: var(--lotse-color-text); color: #fff; border-radius: var(--lotse-radius-small); box-shadow: var(--lotse-shadow);
  font-size: var(--lotse-font-size-small); font-weight: 600; }
.tag b { color: var(--lotse-color-accent); margin-right: 6px; }
`;

function place(el: HTMLElement, r: Rect, pad = 4): void {
  el.style.left = `${r.x - pad}px`;
  el.style.top = `${r.y - pad}px`;
  el.style.width = `${r.w + 2 * pad}px`;
  el.style.height = `${r.h + 2 * pad}px`;
}

/** The picker's visible parts; event handling is done by the content script (all frames). */
export class PickerOverlay {
  private host: InPageHost;
  private box: HTMLElement;

  constructor(locale: UiLocale, onCancel: () => void) {
    const t = createTranslator(locale);
    this.host = createInPageHost('lotse-recorder-picker');
    this.host.addStyle(CSS);
    this.box = h('div', { class: 'box', hidden: true });
    const cancel = h('button', { type: 'button' }, t('recorder.pick.cancel'));
    cancel.addEventListener('click', onCancel);
    const banner = h('div', { class: 'banner', role: 'status', lang: locale }, h('span', {}, t('recorder.pick.banner')), cancel);
    this.host.root.append(this.box, banner);
  }

  get element(): HTMLElement {
    return this.host.host;
  }

  outline(r: Rect | undefined): void {
    if (!r) {
      this.box.hidden = true;
      return;
    }
    this.box.hidden = false;
    place(this.box, r);
  }

  remove(): void {
    this.host.remove();
  }
}

/** Outline one element with "Step n: title" for a few seconds (the editor's preview). */
export class PreviewOverlay {
  private host: InPageHost;
  private box: HTMLElement;
  private tag: HTMLElement;
  private raf = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(locale: UiLocale, n: number, title: string) {
    const t = createTranslator(locale);
    this.host = createInPageHost('lotse-recorder-preview');
    this.host.addStyle(CSS);
    this.box = h('div', { class: 'box' });
    this.tag = h('div', { class: 'tag', lang: locale }, h('b', {}, t('recorder.step.number', { n })), title);
    this.host.root.append(this.box, this.tag);
  }

  /** follow the element (scrolling, layout) until `ms` have passed */
  track(measure: () => Rect | undefined, ms: number, onDone: () => void): void {
    const end = performance.now() + ms;
    const step = () => {
      const r = measure();
      if (r) {
        place(this.box, r, 6);
        const below = r.y + r.h + 14;
        this.tag.style.left = `${Math.max(12, Math.min(r.x, innerWidth - 440))}px`;
        this.tag.style.top = `${below + 40 < innerHeight ? below : Math.max(12, r.y - 52)}px`;
      }
      if (performance.now() < end) this.raf = requestAnimationFrame(step);
    };
    step();
    this.timer = setTimeout(() => {
      this.remove();
      onDone();
    }, ms);
  }

  remove(): void {
    cancelAnimationFrame(this.raf);
    if (this.timer) clearTimeout(this.timer);
    this.host.remove();
  }
}
