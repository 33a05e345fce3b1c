/**
 * Styles of the player overlay (inside its shadow root; the page's CSS cannot reach in, ours cannot
 * reach out). Built on the shared design tokens. Calm: soft shadows, no flashing, motion only where it
 * helps and never with prefers-reduced-motion.
 */
export const OVERLAY_CSS = `
.lp-layer { position: fixed; inset: 0; pointer-events: none; }
.lp-box {
  position: fixed; left: 0; top: 0; width: 0; height: 0; pointer-events: none;
  /* own compositing layer: the page changing underneath must not repaint the dimming */
  will-change: transform;
  border-radius: 8px; border: 3px solid var(--lotse-color-highlight);
  box-shadow: 0 0 0 4px rgba(242, 169, 0, 0.28);
  transition: transform var(--lotse-transition), width var(--lotse-transition), height var(--lotse-transition);
}
.lp-box[data-dim] { box-shadow: 0 0 0 4px rgba(242, 169, 0, 0.28), 0 0 0 200vmax rgba(15, 23, 42, 0.32); }
.lp-box[data-style='candidate'] { border-style: dashed; border-color: var(--lotse-color-primary); box-shadow: 0 0 0 4px rgba(11, 92, 173, 0.22); }
.lp-box[data-style='candidate'][data-dim] { box-shadow: 0 0 0 4px rgba(11, 92, 173, 0.22), 0 0 0 200vmax rgba(15, 23, 42, 0.22); }
.lp-box[data-style='hover'] { border-color: var(--lotse-color-primary); border-style: dashed; box-shadow: 0 0 0 3px rgba(11, 92, 173, 0.18); }
.lp-box[data-style='picked'] { border-color: var(--lotse-color-success); box-shadow: 0 0 0 4px rgba(30, 123, 60, 0.25); }
.lp-box[data-pulse] { animation: lp-pulse 1.6s ease-out 2; }
@keyframes lp-pulse {
  0% { outline: 0 solid rgba(242, 169, 0, 0.55); outline-offset: 0; }
  100% { outline: 12px solid rgba(242, 169, 0, 0); outline-offset: 4px; }
}

.lp-card {
  position: fixed; left: 0; top: 0; pointer-events: auto; will-change: transform;
  width: min(400px, calc(100vw - 24px));
  background: var(--lotse-color-bg); color: var(--lotse-color-text);
  border: 1px solid var(--lotse-color-border); border-radius: 14px;
  box-shadow: var(--lotse-shadow);
  font-family: var(--lotse-font); font-size: var(--lotse-font-size); line-height: var(--lotse-line-height);
  text-align: left;
}
.lp-scroll {
  max-height: calc(100vh - 24px); overflow: auto; overscroll-behavior: contain; border-radius: 14px;
  padding: var(--lotse-space-4) var(--lotse-space-5) var(--lotse-space-2);
}
:host(.lotse-large-text) .lp-card { width: min(460px, calc(100vw - 24px)); }
.lp-card:focus { outline: none; }
.lp-card:focus-visible { box-shadow: var(--lotse-shadow), var(--lotse-focus-ring); }
.lp-card[data-place='dock'] { left: auto; top: auto; right: 16px; bottom: 16px; }
.lp-card[data-place='center'] { left: 50%; top: 50%; transform: translate(-50%, -50%); width: min(460px, calc(100vw - 24px)); }
:host(.lotse-large-text) .lp-card[data-place='center'] { width: min(520px, calc(100vw - 24px)); }
.lp-card[data-kind='toast'] .lp-scroll { padding: var(--lotse-space-3) var(--lotse-space-4); }
.lp-card[data-kind='toast'] .lp-title { font-size: var(--lotse-font-size); font-weight: 600; }

.lp-arrow {
  position: absolute; width: 14px; height: 14px; background: var(--lotse-color-bg);
  border: 1px solid var(--lotse-color-border); transform: rotate(45deg); pointer-events: none;
}
.lp-arrow[data-side='top'] { border-left: 0; border-top: 0; }
.lp-arrow[data-side='bottom'] { border-right: 0; border-bottom: 0; }
.lp-arrow[data-side='left'] { border-left: 0; border-bottom: 0; }
.lp-arrow[data-side='right'] { border-right: 0; border-top: 0; }

.lp-head { display: flex; align-items: center; gap: var(--lotse-space-2); margin-bottom: var(--lotse-space-2);
  font-size: var(--lotse-font-size-small); color: var(--lotse-color-text-muted); font-weight: 600; }
.lp-head svg { flex: none; }
.lp-progress { height: 4px; border-radius: 2px; background: var(--lotse-color-surface-2); margin: 0 0 var(--lotse-space-3); overflow: hidden; }
.lp-progress > span { display: block; height: 100%; background: var(--lotse-color-primary); border-radius: 2px; }
.lp-title { margin: 0 0 var(--lotse-space-2); font-size: var(--lotse-font-size-large); line-height: 1.3; font-weight: 700; color: var(--lotse-color-text); }
.lp-text { margin: 0 0 var(--lotse-space-3); white-space: pre-line; overflow-wrap: anywhere; }
.lp-note { display: flex; gap: var(--lotse-space-2); align-items: flex-start; margin: 0 0 var(--lotse-space-3);
  font-size: var(--lotse-font-size-small); color: var(--lotse-color-text-muted); }
.lp-note svg { flex: none; margin-top: 2px; }
.lp-example { margin: 0 0 var(--lotse-space-3); padding: var(--lotse-space-2) var(--lotse-space-3); border-radius: var(--lotse-radius-small);
  background: var(--lotse-color-surface); overflow-wrap: anywhere; }
.lp-shot { display: block; max-width: 100%; max-height: 220px; margin: 0 auto var(--lotse-space-3); border-radius: var(--lotse-radius-small);
  border: 1px solid var(--lotse-color-border); object-fit: contain; background: var(--lotse-color-surface); }
.lp-shot-label { margin: 0 0 var(--lotse-space-2); font-size: var(--lotse-font-size-small); color: var(--lotse-color-text-muted); }

.lp-row { display: flex; flex-wrap: wrap; gap: var(--lotse-space-2); margin-bottom: var(--lotse-space-2); }
.lp-row > .lp-btn { flex: 1 1 auto; }
.lp-stack { display: flex; flex-direction: column; gap: var(--lotse-space-2); margin-bottom: var(--lotse-space-2); }
.lp-foot { display: flex; flex-wrap: wrap; gap: var(--lotse-space-1); justify-content: space-between; align-items: center;
  border-top: 1px solid var(--lotse-color-surface-2); padding-top: var(--lotse-space-1); margin: var(--lotse-space-1) calc(-1 * var(--lotse-space-2)) 0; }
.lp-foot-end { display: flex; gap: 0; margin-left: auto; }
.lp-foot .lp-btn { padding: 0 var(--lotse-space-2); }

.lp-btn {
  display: inline-flex; align-items: center; justify-content: center; gap: var(--lotse-space-2);
  min-height: var(--lotse-touch); padding: 0 var(--lotse-space-4); margin: 0;
  border-radius: var(--lotse-radius-small); border: 1px solid var(--lotse-color-border);
  background: var(--lotse-color-bg); color: var(--lotse-color-text);
  font: inherit; font-weight: 600; line-height: 1.2; text-align: center; cursor: pointer;
  transition: background var(--lotse-transition), border-color var(--lotse-transition);
}
.lp-btn:hover { background: var(--lotse-color-surface); }
.lp-btn:disabled { opacity: 0.55; cursor: not-allowed; }
.lp-btn--primary { background: var(--lotse-color-primary); border-color: var(--lotse-color-primary); color: var(--lotse-color-primary-text); }
.lp-btn--primary:hover { background: var(--lotse-color-primary-hover); }
.lp-btn--ghost { border-color: transparent; background: transparent; padding: 0 var(--lotse-space-3); color: var(--lotse-color-primary); }
.lp-btn--ghost:hover { background: var(--lotse-color-surface); }
.lp-btn--quiet { color: var(--lotse-color-text-muted); }
.lp-stack > .lp-btn { justify-content: flex-start; text-align: left; padding: var(--lotse-space-2) var(--lotse-space-4); }

.lp-spinner { width: 20px; height: 20px; flex: none; border-radius: 50%; border: 3px solid var(--lotse-color-surface-2);
  border-top-color: var(--lotse-color-primary); animation: lp-spin 1s linear infinite; }
@keyframes lp-spin { to { transform: rotate(360deg); } }
.lp-looking { display: flex; gap: var(--lotse-space-3); align-items: center; margin: 0 0 var(--lotse-space-2);
  font-weight: 600; color: var(--lotse-color-text-muted); }
.lp-badge { display: inline-flex; width: 44px; height: 44px; border-radius: 50%; align-items: center; justify-content: center;
  margin-bottom: var(--lotse-space-2); }
.lp-badge--ok { background: var(--lotse-color-success-bg); color: var(--lotse-color-success); }
.lp-badge--warn { background: var(--lotse-color-warning-bg); color: var(--lotse-color-warning); }
.lp-sr { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; margin: -1px; padding: 0; border: 0; }

@media (prefers-reduced-motion: reduce) {
  .lp-box, .lp-card, .lp-btn { transition: none !important; }
  .lp-box[data-pulse] { animation: none; }
  .lp-spinner { animation: none; border-top-color: var(--lotse-color-primary); border-right-color: var(--lotse-color-primary); }
}
@media (forced-colors: active) {
  .lp-box { border-color: Highlight; }
  .lp-card { border: 2px solid CanvasText; }
}
`;
