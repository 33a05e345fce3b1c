/**
 * The question composer: a small dialog in a shadow root on the page. The background captures the visible
 * tab before the dialog is drawn and keeps a draft; Save stores the question, Escape/Cancel forgets the draft
 * (nothing stored, the dialog removed, focus back where it was). Built with DOM APIs only; page state is
 * read through the prototypes because a hostile page can clobber names on `document`.
 */
import { createTranslator, formatDate, type Translate } from '~/lib/i18n/inpage';
import { createInPageHost, h, isLotseUi, type InPageHost } from '~/lib/inpage/host';
import { errorMessageKey, send, toErrorCode, type ContentMap, type Handlers } from '~/lib/messages';
import { QUESTION_TEXT_MAX, normaliseQuestionText, normaliseSelection } from '~/lib/questions/composer';
import { displayUrl, hasQueryOrFragment, sanitizeUrl } from '~/lib/questions/url';

/** Context a question is noted in, when the player opens the composer. */
export interface ComposerContext {
  walkthroughId?: string;
  stepId?: string;
}

const HOST_NAME = 'lotse-composer';
const SAVED_NOTICE_MS = 2600;

/**
 * The player registers where the mentee is (walkthrough and step) so a question noted with the keyboard
 * command during a walkthrough is linked to its step, too.
 */
let contextSource: (() => ComposerContext | undefined) | undefined;
export function setComposerContextSource(source: (() => ComposerContext | undefined) | undefined): void {
  contextSource = source;
}

/* ---------- page access that survives clobbered `document` names ---------- */

const docGetter = <T>(name: string): T | undefined => {
  const get = Object.getOwnPropertyDescriptor(Document.prototype, name)?.get;
  return get ? (get.call(document) as T) : undefined;
};

/** The focused element, inside open shadow roots too (to give focus back after the composer closes). */
function deepActiveElement(): HTMLElement | undefined {
  let el = docGetter<Element | null>('activeElement') ?? null;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement && !isLotseUi(el) ? el : undefined;
}

function pageSelection(): string | undefined {
  const sel = Document.prototype.getSelection.call(document);
  if (!sel || sel.rangeCount === 0 || isLotseUi(sel.anchorNode)) return undefined;
  return normaliseSelection(sel.toString());
}

/* ---------- the dialog ---------- */

interface OpenComposer {
  host: InPageHost;
  draftId: string;
  textarea: HTMLTextAreaElement;
  restoreFocus: HTMLElement | undefined;
  closed: boolean;
}

let current: OpenComposer | undefined;
let opening: Promise<boolean> | undefined;

const STYLE = `
.dialog {
  position: fixed; right: 24px; bottom: 24px; z-index: 1;
  width: min(480px, calc(100vw - 32px)); max-height: calc(100vh - 48px); overflow: auto;
  pointer-events: auto; background: var(--lotse-color-bg); color: var(--lotse-color-text);
  border: 1px solid var(--lotse-color-border); border-top: 6px solid var(--lotse-color-primary);
  border-radius: var(--lotse-radius); box-shadow: var(--lotse-shadow);
  padding: var(--lotse-space-4) var(--lotse-space-5) var(--lotse-space-4);
  font-family: var(--lotse-font); font-size: var(--lotse-font-size); line-height: var(--lotse-line-height);
  text-align: left;
}
.head { display: flex; align-items: center; justify-content: space-between; gap: var(--lotse-space-2); margin-bottom: var(--lotse-space-3); }
h2 { margin: 0; font-size: var(--lotse-font-size-large); line-height: 1.3; font-weight: 700; }
.x { min-width: var(--lotse-touch); min-height: var(--lotse-touch); border: 0; border-radius: var(--lotse-radius-small);
  background: transparent; color: var(--lotse-color-text-muted); font: inherit; font-size: 26px; line-height: 1; cursor: pointer; }
.x:hover { background: var(--lotse-color-surface); }
label.field { display: block; font-weight: 600; margin-bottom: var(--lotse-space-1); }
textarea, select {
  display: block; width: 100%; font: inherit; color: var(--lotse-color-text); background: var(--lotse-color-bg);
  border: 1px solid var(--lotse-color-border); border-radius: var(--lotse-radius-small);
  padding: var(--lotse-space-2) var(--lotse-space-3); min-height: var(--lotse-touch);
}
textarea { min-height: 104px; resize: vertical; }
.error { color: var(--lotse-color-danger); margin: var(--lotse-space-1) 0 0; font-weight: 600; }
.context { margin: var(--lotse-space-3) 0; padding: var(--lotse-space-3); background: var(--lotse-color-surface);
  border-radius: var(--lotse-radius-small); border: 0; }
.context legend { font-weight: 600; padding: 0; float: left; width: 100%; margin-bottom: var(--lotse-space-2); }
dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: var(--lotse-space-1) var(--lotse-space-3); clear: both; }
dt { color: var(--lotse-color-text-muted); }
dd { margin: 0; overflow-wrap: anywhere; }
.url { color: var(--lotse-color-text-muted); font-size: var(--lotse-font-size-small); display: block; }
.check { display: flex; align-items: flex-start; gap: var(--lotse-space-2); margin-top: var(--lotse-space-2); cursor: pointer; }
.check input { width: 20px; height: 20px; margin: 2px 0 0; flex: none; accent-color: var(--lotse-color-primary); }
.note { color: var(--lotse-color-text-muted); font-size: var(--lotse-font-size-small); margin: var(--lotse-space-2) 0 0; }
.goal { margin-bottom: var(--lotse-space-4); }
.actions { display: flex; gap: var(--lotse-space-2); flex-wrap: wrap; align-items: center; }
.btn { display: inline-flex; align-items: center; justify-content: center; min-height: var(--lotse-touch);
  padding: 0 var(--lotse-space-4); border-radius: var(--lotse-radius-small); border: 1px solid var(--lotse-color-border);
  background: var(--lotse-color-bg); color: var(--lotse-color-text); font: inherit; font-weight: 600; cursor: pointer; }
.btn:hover { background: var(--lotse-color-surface); }
.btn.primary { background: var(--lotse-color-primary); border-color: var(--lotse-color-primary); color: var(--lotse-color-primary-text); }
.btn.primary:hover { background: var(--lotse-color-primary-hover); }
.btn:disabled { opacity: 0.6; cursor: wait; }
.keys { margin-left: auto; color: var(--lotse-color-text-muted); font-size: var(--lotse-font-size-small); }
.saved { position: fixed; right: 24px; bottom: 24px; pointer-events: none; max-width: min(420px, calc(100vw - 32px));
  background: var(--lotse-color-success-bg); color: var(--lotse-color-text); border-left: 6px solid var(--lotse-color-success);
  border-radius: var(--lotse-radius); box-shadow: var(--lotse-shadow); padding: var(--lotse-space-3) var(--lotse-space-4);
  font-family: var(--lotse-font); font-size: var(--lotse-font-size); line-height: var(--lotse-line-height); }
.saved strong { display: block; }
`;

function close(c: OpenComposer, opts: { cancel: boolean }): void {
  if (c.closed) return;
  c.closed = true;
  if (current === c) current = undefined;
  if (opts.cancel) {
    // forget the draft and its screenshot; the page is left as it was
    send('questions.cancelDraft', { draftId: c.draftId }).catch(() => undefined);
    c.host.remove();
  }
  try {
    c.restoreFocus?.focus({ preventScroll: true });
  } catch {
    /* the element left the page meanwhile */
  }
}

/** Keep Tab inside the dialog while it is open (it behaves as a modal dialog for keyboard users). */
function trapTab(e: KeyboardEvent, dialog: HTMLElement, root: ShadowRoot): void {
  const focusables = [...dialog.querySelectorAll<HTMLElement>('button, textarea, select, input')].filter(
    (el) => !el.hasAttribute('disabled'),
  );
  const first = focusables[0];
  const last = focusables.at(-1);
  if (!first || !last) return;
  const active = root.activeElement;
  if (e.shiftKey && active === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}

function showSaved(host: InPageHost, t: Translate, text: string): void {
  const notice = h('div', { class: 'saved', role: 'status' }, h('strong', { text: t('composer.saved') }), text);
  host.root.append(notice);
  setTimeout(() => host.remove(), SAVED_NOTICE_MS);
}

async function openNow(ctx: ComposerContext): Promise<boolean> {
  const restoreFocus = deepActiveElement();
  const selection = pageSelection();
  const prefs = await send('core.uiPrefs', {});
  const t = createTranslator(prefs.locale);
  const fromPlayer = ctx.walkthroughId ? ctx : (contextSource?.() ?? {});
  const draft = await send('questions.beginDraft', {
    ...(fromPlayer.walkthroughId ? { walkthroughId: fromPlayer.walkthroughId } : {}),
    ...(fromPlayer.stepId ? { stepId: fromPlayer.stepId } : {}),
    title: docGetter<string>('title') ?? '',
    viewport: { w: Math.max(1, Math.round(window.innerWidth)), h: Math.max(1, Math.round(window.innerHeight)) },
  });

  const host = createInPageHost(HOST_NAME);
  host.setLargeText(prefs.largeText);
  host.addStyle(STYLE);

  const textarea = h('textarea', {
    id: 'lotse-q-text',
    rows: 4,
    maxlength: QUESTION_TEXT_MAX,
    placeholder: t('composer.text.placeholder'),
    'aria-describedby': 'lotse-q-error',
    required: true,
  });
  const error = h('p', { id: 'lotse-q-error', class: 'error', role: 'alert', hidden: true });

  // What is noted with the question.
  const rows: Node[] = [];
  const url = draft.page.url;
  const keepBox = h('input', { type: 'checkbox', id: 'lotse-q-keep' });
  const shortUrl = h('span', { class: 'url', text: displayUrl(sanitizeUrl(url)) });
  if (draft.page.title || url) {
    rows.push(
      h('dt', { text: t('composer.context.page') }),
      h('dd', {}, draft.page.title ?? '', url ? shortUrl : null),
    );
  }
  if (draft.walkthrough) {
    const where = draft.step
      ? t('composer.context.step', {
          walkthrough: draft.walkthrough.title,
          n: draft.step.number,
          step: draft.step.title,
        })
      : draft.walkthrough.title;
    rows.push(h('dt', { text: t('composer.context.walkthrough') }), h('dd', { text: where }));
  }
  const selBox = h('input', { type: 'checkbox', id: 'lotse-q-sel', checked: true });
  if (selection) {
    rows.push(
      h('dt', { text: t('composer.context.selection') }),
      h('dd', { text: t('composer.quote', { text: selection }) }),
    );
  }
  const shotBox = h('input', {
    type: 'checkbox',
    id: 'lotse-q-shot',
    checked: draft.screenshot,
    disabled: !draft.screenshot,
  });
  const context = h(
    'fieldset',
    { class: 'context' },
    h('legend', { text: t('composer.context.title') }),
    rows.length ? h('dl', {}, ...rows) : h('p', { class: 'note', text: t('composer.context.none') }),
    url && hasQueryOrFragment(url)
      ? h('label', { class: 'check', for: 'lotse-q-keep' }, keepBox, h('span', { text: t('composer.keepFullUrl') }))
      : null,
    selection
      ? h('label', { class: 'check', for: 'lotse-q-sel' }, selBox, h('span', { text: t('composer.includeSelection') }))
      : null,
    draft.screenshot
      ? h('label', { class: 'check', for: 'lotse-q-shot' }, shotBox, h('span', { text: t('composer.screenshot') }))
      : h('p', { class: 'note', text: t('composer.screenshot.unavailable') }),
  );
  keepBox.addEventListener('change', () => {
    shortUrl.textContent = displayUrl(sanitizeUrl(url, { keepQuery: keepBox.checked }));
  });

  let goalSelect: HTMLSelectElement | undefined;
  if (draft.goals.length > 0) {
    goalSelect = h('select', { id: 'lotse-q-goal' }, h('option', { value: '', text: t('composer.goal.none') }));
    for (const g of draft.goals) goalSelect.append(h('option', { value: g.id, text: g.title }));
  }

  const saveBtn = h('button', { type: 'submit', class: 'btn primary', text: t('composer.save') });
  const cancelBtn = h('button', { type: 'button', class: 'btn', text: t('common.cancel') });
  const xBtn = h('button', {
    type: 'button',
    class: 'x',
    'aria-label': t('composer.close'),
    title: t('composer.close'),
    text: '×',
  });
  const form = h(
    'form',
    { novalidate: true },
    h('label', { class: 'field', for: 'lotse-q-text', text: t('composer.text.label') }),
    textarea,
    error,
    context,
    goalSelect
      ? h(
          'div',
          { class: 'goal' },
          h('label', { class: 'field', for: 'lotse-q-goal', text: t('composer.goal.label') }),
          goalSelect,
        )
      : null,
    h('div', { class: 'actions' }, saveBtn, cancelBtn, h('span', { class: 'keys', text: t('composer.keys') })),
  );
  const dialog = h(
    'div',
    { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'lotse-q-title' },
    h('div', { class: 'head' }, h('h2', { id: 'lotse-q-title', text: t('composer.title') }), xBtn),
    form,
  );
  host.root.append(dialog);

  const c: OpenComposer = { host, draftId: draft.draftId, textarea, restoreFocus, closed: false };
  current = c;

  const save = async () => {
    const text = normaliseQuestionText(textarea.value);
    if (!text) {
      error.textContent = t('composer.text.empty');
      error.hidden = false;
      textarea.setAttribute('aria-invalid', 'true');
      textarea.focus();
      return;
    }
    saveBtn.disabled = true;
    try {
      const res = await send('questions.saveDraft', {
        draftId: c.draftId,
        text,
        keepFullUrl: keepBox.checked,
        includeScreenshot: draft.screenshot && shotBox.checked,
        ...(selection && selBox.checked ? { selectedText: selection } : {}),
        ...(goalSelect?.value ? { goalId: goalSelect.value } : {}),
      });
      dialog.remove();
      close(c, { cancel: false });
      showSaved(
        host,
        t,
        res.meetingAt
          ? t('composer.saved.agenda', {
              date: formatDate(res.meetingAt, prefs.locale, { weekday: 'long', day: 'numeric', month: 'long' }),
            })
          : t('composer.saved.open'),
      );
    } catch (err) {
      saveBtn.disabled = false;
      error.textContent = t(errorMessageKey(toErrorCode(err)));
      error.hidden = false;
    }
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void save();
  });
  cancelBtn.addEventListener('click', () => close(c, { cancel: true }));
  xBtn.addEventListener('click', () => close(c, { cancel: true }));
  textarea.addEventListener('input', () => {
    if (!error.hidden && textarea.value.trim()) {
      error.hidden = true;
      textarea.removeAttribute('aria-invalid');
    }
  });
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close(c, { cancel: true });
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    } else if (e.key === 'Tab') {
      trapTab(e, dialog, host.root);
    }
    // typing in the composer must not trigger the page's keyboard shortcuts
    e.stopPropagation();
  });
  for (const type of ['keyup', 'keypress', 'input', 'beforeinput'] as const)
    dialog.addEventListener(type, (e) => e.stopPropagation());

  textarea.focus({ preventScroll: true });
  return true;
}

function openOrThrow(ctx: ComposerContext): Promise<boolean> {
  if (current && !current.closed) {
    current.textarea.focus();
    return Promise.resolve(true);
  }
  // the command pressed twice while the first draft is still being prepared opens one composer
  opening ??= openNow(ctx).finally(() => {
    opening = undefined;
  });
  return opening;
}

/**
 * Open the in-page question composer. Owned by the questions feature; the player calls it. Never rejects
 * (callers in the page fire and forget); resolves false when the composer could not open.
 */
export function openComposer(ctx: ComposerContext = {}): Promise<boolean> {
  return openOrThrow(ctx).catch((err: unknown) => {
    console.warn('Lotse: the question composer could not open', err);
    return false;
  });
}

/** composer: answers to the background inside the page (errors go back to the popup / side panel). */
export const composerHandlers: Handlers<ContentMap> = {
  'questions.openComposer': async (ctx) => ({ opened: await openOrThrow(ctx) }),
};

/** composer: start-up inside the page (e.g. resume after a navigation). */
export function initComposer(): void {}
