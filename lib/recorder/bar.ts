/**
 * The recording bar: a small panel in a shadow root on the recorded page. It shows that recording is on,
 * the step count and the last step, and offers pause and stop. It never restyles the page (shadow root,
 * inline !important host styles) and its clicks are never recorded (`data-lotse-ui`, see isLotseUi).
 */
import { createInPageHost, h, type InPageHost } from '../inpage/host';
import { createTranslator, type Translate, type UiLocale } from '../i18n/inpage';

export interface BarState {
  paused: boolean;
  stepCount: number;
  lastTitle?: string | undefined;
}

export interface BarCallbacks {
  onPause(paused: boolean): void;
  onStop(): void;
}

const CORNERS = ['bottom-left', 'bottom-right', 'top-right', 'top-left'] as const;
type Corner = (typeof CORNERS)[number];

const CSS = `
.bar { position: fixed; z-index: 2147483647; pointer-events: auto; display: flex; flex-direction: column; gap: 8px;
  width: 360px; max-width: calc(100vw - 32px); padding: 12px 12px 12px 16px;
  font-family: var(--lotse-font); font-size: var(--lotse-font-size); line-height: var(--lotse-line-height);
  background: var(--lotse-color-bg); color: var(--lotse-color-text); border: 1px solid var(--lotse-color-border);
  border-left: 5px solid var(--lotse-color-record); border-radius: var(--lotse-radius); box-shadow: var(--lotse-shadow);
  text-align: left; }
.bar[data-corner="bottom-left"] { left: 16px; bottom: 16px; }
.bar[data-corner="bottom-right"] { right: 16px; bottom: 16px; }
.bar[data-corner="top-right"] { right: 16px; top: 16px; }
.bar[data-corner="top-left"] { left: 16px; top: 16px; }
.bar[data-paused] { border-left-color: var(--lotse-color-warning); }
.row { display: flex; align-items: center; gap: 8px; }
.row.actions { justify-content: flex-end; }
.status { display: flex; align-items: center; gap: 8px; flex: 1; min-width: 0; font-weight: 700; white-space: nowrap; }
.dot { width: 12px; height: 12px; border-radius: 50%; background: var(--lotse-color-record); flex: none; }
/* one short pulse per recorded step: an endless animation would keep the page repainting */
.dot.flash { animation: pulse 0.6s ease-in-out 2; }
.bar[data-paused] .dot { background: var(--lotse-color-warning); animation: none; border-radius: 2px; }
@keyframes pulse { 0%, 100% { opacity: 1; } 50% { opacity: .35; } }
@media (prefers-reduced-motion: reduce) { .dot.flash { animation: none; } }
.count { font-weight: 600; color: var(--lotse-color-text-muted); font-size: var(--lotse-font-size-small); }
.count::before { content: "·"; margin-right: 8px; color: var(--lotse-color-border); }
button { font: inherit; font-size: var(--lotse-font-size-small); font-weight: 600; min-height: 36px; padding: 0 12px;
  border-radius: var(--lotse-radius-small); border: 1px solid var(--lotse-color-border); background: var(--lotse-color-bg);
  color: var(--lotse-color-text); cursor: pointer; display: inline-flex; align-items: center; gap: 6px; margin: 0; }
button:hover { background: var(--lotse-color-surface); }
button.stop { background: var(--lotse-color-record); border-color: var(--lotse-color-record); color: #fff; }
button.stop:hover { background: #a31f1f; }
button.move { padding: 0 8px; min-height: 32px; border-color: transparent; color: var(--lotse-color-text-muted); }
.icon { width: 14px; height: 14px; flex: none; }
.last { font-size: var(--lotse-font-size-small); color: var(--lotse-color-text-muted); overflow: hidden;
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
`;

const SVG_NS = 'http://www.w3.org/2000/svg';
function icon(d: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  const p = document.createElementNS(SVG_NS, 'path');
  p.setAttribute('d', d);
  p.setAttribute('fill', 'currentColor');
  svg.append(p);
  return svg;
}
const ICON_PAUSE = 'M4 3h3v10H4zM9 3h3v10H9z';
const ICON_PLAY = 'M4 2.5v11l9-5.5z';
const ICON_STOP = 'M3.5 3.5h9v9h-9z';
const ICON_MOVE = 'M8 1l3 3H9v3h3V5l3 3-3 3V9H9v3h2l-3 3-3-3h2V9H4v2L1 8l3-3v2h3V4H5z';

export class RecordingBar {
  private host: InPageHost | undefined;
  private els:
    | { bar: HTMLElement; label: HTMLElement; count: HTMLElement; last: HTMLElement; pause: HTMLButtonElement; stop: HTMLButtonElement; move: HTMLButtonElement }
    | undefined;
  private t: Translate;
  private state: BarState = { paused: false, stepCount: 0 };
  private corner: Corner = 'bottom-left';

  constructor(
    private locale: UiLocale,
    private readonly cb: BarCallbacks,
    private largeText = false,
  ) {
    this.t = createTranslator(locale);
  }

  get element(): HTMLElement | undefined {
    return this.host?.host;
  }

  show(state: BarState): void {
    this.state = state;
    if (!this.host || !this.host.host.isConnected) this.build();
    this.render();
  }

  update(state: Partial<BarState>): void {
    this.state = { ...this.state, ...state };
    if (this.host) this.render();
  }

  setLocale(locale: UiLocale, largeText: boolean): void {
    this.locale = locale;
    this.largeText = largeText;
    this.t = createTranslator(locale);
    if (this.host) {
      this.build();
      this.render();
    }
  }

  /** hidden while a screenshot is taken: the bar must never be in a step's picture */
  setHidden(hidden: boolean): void {
    this.host?.host.style.setProperty('visibility', hidden ? 'hidden' : 'visible', 'important');
  }

  remove(): void {
    this.host?.remove();
    this.host = undefined;
    this.els = undefined;
  }

  private build(): void {
    this.host?.remove();
    const host = createInPageHost('lotse-recorder-bar');
    host.addStyle(CSS);
    host.setLargeText(this.largeText);
    const t = this.t;
    const label = h('span', { class: 'label' });
    const count = h('span', { class: 'count' });
    const status = h('div', { class: 'status' }, h('span', { class: 'dot', 'aria-hidden': 'true' }), label, count);
    const pause = h('button', { type: 'button', class: 'pause' });
    pause.addEventListener('click', () => this.cb.onPause(!this.state.paused));
    const stop = h('button', { type: 'button', class: 'stop' }, icon(ICON_STOP), t('recorder.bar.stop'));
    stop.addEventListener('click', () => this.cb.onStop());
    const move = h('button', { type: 'button', class: 'move', title: t('recorder.bar.move'), 'aria-label': t('recorder.bar.move') }, icon(ICON_MOVE));
    move.addEventListener('click', () => {
      this.corner = CORNERS[(CORNERS.indexOf(this.corner) + 1) % CORNERS.length]!;
      bar.setAttribute('data-corner', this.corner);
    });
    const last = h('div', { class: 'last', 'aria-live': 'polite' });
    const bar = h(
      'div',
      { class: 'bar', role: 'region', 'aria-label': t('recorder.bar.label'), 'data-corner': this.corner, lang: this.locale },
      h('div', { class: 'row' }, status, move),
      last,
      h('div', { class: 'row actions' }, pause, stop),
    );
    host.root.append(bar);
    this.host = host;
    this.els = { bar, label, count, last, pause, stop, move };
  }

  private lastCount = -1;

  private render(): void {
    const e = this.els;
    if (!e) return;
    if (this.lastCount >= 0 && this.state.stepCount > this.lastCount) {
      const dot = e.bar.querySelector('.dot');
      dot?.classList.remove('flash');
      void (dot as HTMLElement | null)?.offsetWidth; // restart the animation
      dot?.classList.add('flash');
    }
    this.lastCount = this.state.stepCount;
    const t = this.t;
    const { paused, stepCount, lastTitle } = this.state;
    e.bar.toggleAttribute('data-paused', paused);
    e.label.textContent = paused ? t('recorder.bar.paused') : t('recorder.bar.recording');
    e.count.textContent =
      stepCount === 0 ? t('recorder.bar.steps0') : stepCount === 1 ? t('recorder.bar.steps1') : t('recorder.bar.steps', { count: stepCount });
    e.pause.replaceChildren(icon(paused ? ICON_PLAY : ICON_PAUSE), paused ? t('recorder.bar.resume') : t('recorder.bar.pause'));
    e.pause.setAttribute('aria-pressed', String(paused));
    e.last.textContent = lastTitle ? t('recorder.bar.last', { title: lastTitle }) : t('recorder.bar.hint');
  }
}
