import { describe, expect, it } from 'vitest';
import { StepTracker, navigationIsStep, pageUrl, type Op, type RawEvent } from '~/lib/recorder/tracker';
import { stepTitle, tidyLabel } from '~/lib/recorder/titles';
import { addSecrets, containsSecret, scrubSecrets } from '~/lib/recorder/state';
import { clip, cropWindow, outputSize } from '~/lib/capture/crop';
import type { StepAction } from '~/lib/schema';

function tracker() {
  let n = 0;
  return new StepTracker<string>(() => `id${++n}`);
}
const emits = (ops: Op<string>[]) => ops.filter((o) => o.op === 'emit');
function run(t: StepTracker<string>, events: RawEvent<string>[]): Op<string>[] {
  return events.flatMap((e) => t.handle(e));
}

describe('StepTracker: noise merging', () => {
  it('a click snaps on pointerdown and the click step reuses that screenshot', () => {
    const t = tracker();
    const ops = run(t, [
      { type: 'pointerdown', el: 'save', kind: 'click', at: 0 },
      { type: 'click', el: 'save', kind: 'click', detail: 1, at: 80 },
    ]);
    expect(ops).toEqual([
      { op: 'snap', id: 'id1', el: 'save' },
      { op: 'emit', id: 'id1', el: 'save', kind: 'click', update: false },
    ]);
  });

  it('a long press keeps its pointerdown screenshot; a late keyboard click does not reuse it', () => {
    const t = tracker();
    const ops = run(t, [
      { type: 'pointerdown', el: 'link', kind: 'click', at: 0 },
      // held while a slow capture runs: still the same press
      { type: 'click', el: 'link', kind: 'click', detail: 1, at: 12_000 },
    ]);
    expect(ops).toEqual([
      { op: 'snap', id: 'id1', el: 'link' },
      { op: 'emit', id: 'id1', el: 'link', kind: 'click', update: false },
    ]);
    const t2 = tracker();
    const ops2 = run(t2, [
      { type: 'pointerdown', el: 'link', kind: 'click', at: 0 },
      // Enter on the focused link much later: the page may have changed since, so a fresh screenshot
      { type: 'click', el: 'link', kind: 'click', detail: 0, at: 12_000 },
    ]);
    expect(ops2).toEqual([
      { op: 'snap', id: 'id1', el: 'link' },
      { op: 'snap', id: 'id2', el: 'link' },
      { op: 'emit', id: 'id2', el: 'link', kind: 'click', update: false },
    ]);
  });

  it('a double click is one step', () => {
    const t = tracker();
    const ops = run(t, [
      { type: 'pointerdown', el: 'b', kind: 'click', at: 0 },
      { type: 'click', el: 'b', kind: 'click', detail: 1, at: 50 },
      { type: 'pointerdown', el: 'b', kind: 'click', at: 150 },
      { type: 'click', el: 'b', kind: 'click', detail: 2, at: 200 },
    ]);
    expect(emits(ops)).toHaveLength(1);
  });

  it('ten separate fast clicks are ten steps', () => {
    const t = tracker();
    const events: RawEvent<string>[] = [];
    for (let i = 0; i < 10; i++) {
      events.push({ type: 'pointerdown', el: 'like', kind: 'click', at: i * 200 });
      events.push({ type: 'click', el: 'like', kind: 'click', detail: 1, at: i * 200 + 50 });
    }
    expect(emits(run(t, events))).toHaveLength(10);
  });

  it('keystrokes become one input step per field, and the focus click disappears into it', () => {
    const t = tracker();
    const ops = run(t, [
      { type: 'pointerdown', el: 'headline', kind: 'text', at: 0 },
      { type: 'click', el: 'headline', kind: 'text', detail: 1, at: 60 },
      ...Array.from({ length: 12 }, (_, i): RawEvent<string> => ({ type: 'input', el: 'headline', at: 100 + i * 30 })),
      { type: 'commit', el: 'headline', reason: 'enter', at: 600 },
      { type: 'commit', el: 'headline', reason: 'blur', at: 900 },
    ]);
    expect(emits(ops)).toEqual([{ op: 'emit', id: 'id1', el: 'headline', kind: 'input', update: false }]);
    // the screenshot of the focus click (before anything was typed) belongs to the input step
    expect(ops.filter((o) => o.op === 'snap')).toEqual([{ op: 'snap', id: 'id1', el: 'headline' }]);
  });

  it('typing again into the same field right away updates the same step', () => {
    const t = tracker();
    const ops = run(t, [
      { type: 'input', el: 'f', at: 0 },
      { type: 'change', el: 'f', kind: 'text', at: 10 },
      { type: 'input', el: 'f', at: 20 },
      { type: 'commit', el: 'f', reason: 'blur', at: 30 },
    ]);
    expect(emits(ops).map((o) => (o as { update: boolean }).update)).toEqual([false, true]);
  });

  it('a click into a field without typing is a click step when the field is left', () => {
    const t = tracker();
    const ops = run(t, [
      { type: 'pointerdown', el: 'search', kind: 'text', at: 0 },
      { type: 'click', el: 'search', kind: 'text', detail: 1, at: 50 },
      { type: 'commit', el: 'search', reason: 'blur', at: 500 },
    ]);
    expect(emits(ops)).toEqual([{ op: 'emit', id: 'id1', el: 'search', kind: 'click', update: false, clickedField: true }]);
  });

  it('select, checkbox and date: the change is the step; changing one’s mind updates it', () => {
    const t = tracker();
    const ops = run(t, [
      { type: 'pointerdown', el: 'type', kind: 'select', at: 0 },
      { type: 'click', el: 'type', kind: 'select', detail: 1, at: 40 },
      { type: 'change', el: 'type', kind: 'select', at: 900 },
      { type: 'change', el: 'type', kind: 'select', at: 1200 },
      { type: 'change', el: 'box', kind: 'checkbox', at: 1500 },
      { type: 'change', el: 'from', kind: 'picker', at: 1800 },
    ]);
    expect(emits(ops).map((o) => [(o as { kind: string }).kind, (o as { update: boolean }).update])).toEqual([
      ['select', false],
      ['select', true],
      ['check', false],
      ['input', false],
    ]);
  });

  it('a submit caused by clicking the form’s submit button is not recorded twice; Enter-submit is', () => {
    const t = tracker();
    const viaClick = run(t, [
      { type: 'pointerdown', el: 'send', kind: 'click', at: 0 },
      { type: 'click', el: 'send', kind: 'click', detail: 1, at: 50, submits: 'form' },
      { type: 'submit', form: 'form', submitter: 'send', at: 60 },
    ]);
    expect(emits(viaClick)).toHaveLength(1);
    const t2 = tracker();
    const viaEnter = run(t2, [
      { type: 'input', el: 'q', at: 0 },
      { type: 'commit', el: 'q', reason: 'enter', at: 10 },
      { type: 'submit', form: 'form', at: 12 },
    ]);
    expect(emits(viaEnter).map((o) => (o as { kind: string }).kind)).toEqual(['input', 'submit']);
  });

  it('flush commits what was typed but not yet committed', () => {
    const t = tracker();
    t.handle({ type: 'input', el: 'msg', at: 0 });
    expect(emits(t.flush(100))).toHaveLength(1);
    expect(t.flush(200)).toEqual([]);
  });
});

describe('navigation steps', () => {
  it('a navigation right after a step is its effect, not a step', () => {
    expect(navigationIsStep({ via: 'push', sinceLastStepMs: 200, from: '/a', to: '/b' })).toBe(false);
    expect(navigationIsStep({ via: 'load', loadType: 'navigate', sinceLastStepMs: 900, from: '/a', to: '/b' })).toBe(false);
  });
  it('back/forward is always a step; a typed address after a while is one; reloads never', () => {
    expect(navigationIsStep({ via: 'pop', sinceLastStepMs: 10, from: '/a', to: '/b' })).toBe(true);
    expect(navigationIsStep({ via: 'load', loadType: 'back_forward', sinceLastStepMs: 10, to: '/b' })).toBe(true);
    expect(navigationIsStep({ via: 'load', loadType: 'navigate', sinceLastStepMs: 10_000, from: '/a', to: '/b' })).toBe(true);
    expect(navigationIsStep({ via: 'load', loadType: 'reload', sinceLastStepMs: 10_000, from: '/a', to: '/a' })).toBe(false);
    expect(navigationIsStep({ via: 'replace', sinceLastStepMs: 10_000, from: '/a', to: '/a' })).toBe(false);
    expect(navigationIsStep({ via: 'load', loadType: 'navigate', sinceLastStepMs: Infinity, from: '/a', to: '/a' })).toBe(false);
  });
  it('page URLs drop query and fragment but keep hash routes', () => {
    expect(pageUrl('https://x.example/in/me?token=abc#top')).toBe('https://x.example/in/me');
    expect(pageUrl('https://x.example/app/#/settings?x=1')).toBe('https://x.example/app/#/settings');
  });
});

describe('generated titles in the walkthrough language', () => {
  const click: StepAction = { type: 'click' };
  const input: StepAction = { type: 'input', inputType: 'text', keepValue: false, sensitive: false };
  it('click on a button or link', () => {
    expect(stepTitle({ action: click, role: 'button', label: 'Edit profile' }, 'en')).toBe('Click “Edit profile”');
    expect(stepTitle({ action: click, role: 'link', label: 'Profil bearbeiten' }, 'de')).toBe('Klicken Sie auf „Profil bearbeiten“');
    expect(stepTitle({ action: click, role: 'tab', label: 'Posts' }, 'de')).toBe('Öffnen Sie den Reiter „Posts“');
    expect(stepTitle({ action: click }, 'de')).toBe('Klicken Sie hier');
  });
  it('text entry from the field label, with German possessives', () => {
    expect(stepTitle({ action: input, label: 'Headline' }, 'en')).toBe('Enter your headline');
    expect(stepTitle({ action: input, label: 'Your name' }, 'en')).toBe('Enter your name');
    expect(stepTitle({ action: input, label: 'Überschrift' }, 'de')).toBe('Geben Sie Ihre Überschrift ein');
    expect(stepTitle({ action: input, label: 'Vorname' }, 'de')).toBe('Geben Sie Ihren Vornamen ein');
    expect(stepTitle({ action: input, label: 'Passwort' }, 'de')).toBe('Geben Sie Ihr Passwort ein');
    expect(stepTitle({ action: input, label: 'Profilüberschrift *' }, 'de')).toBe('Geben Sie Ihre Profilüberschrift ein');
    expect(stepTitle({ action: input, label: 'Was möchten Sie sagen?' }, 'de')).toBe('Füllen Sie das Feld „Was möchten Sie sagen?“ aus');
    expect(stepTitle({ action: input, label: 'What do you want to talk about?' }, 'en')).toBe('Fill in the field “What do you want to talk about?”');
  });
  it('select, check, date, navigation, tip', () => {
    expect(stepTitle({ action: { type: 'select', optionText: 'Special leave' }, label: 'Leave type' }, 'en')).toBe('Choose “Special leave” under “Leave type”');
    expect(stepTitle({ action: { type: 'check', checked: true, inputType: 'checkbox' }, label: 'Remember me' }, 'de')).toBe(
      'Setzen Sie das Häkchen bei „Remember me“',
    );
    expect(stepTitle({ action: { type: 'input', inputType: 'date', keepValue: false, sensitive: false }, label: 'From' }, 'en')).toBe(
      'Choose a date for “From”',
    );
    expect(stepTitle({ action: { type: 'navigate', url: 'https://k.example/feed', via: 'pop' }, pageTitle: 'Feed' }, 'en')).toBe('Go back to “Feed”');
    expect(stepTitle({ action: { type: 'navigate', url: 'https://k.example/feed', via: 'load' } }, 'de')).toBe('Öffnen Sie die Seite „k.example/feed“');
    expect(stepTitle({ action: { type: 'tip' } }, 'de')).toBe('Tipp');
  });
  it('long labels are shortened', () => {
    expect(tidyLabel('x'.repeat(100)).length).toBe(60);
  });
});

describe('typed values: masked and scrubbed wherever they appear', () => {
  it('matches ignoring case, punctuation and digits', () => {
    const s = addSecrets([], ['Senior Advisor 2024', 'ja', 'Senior Advisor 2024']);
    expect(s).toEqual(['Senior Advisor 2024']);
    expect(containsSecret('Dr. Klaus – senior advisor #', s)).toBe(true);
    expect(containsSecret('Senior', s)).toBe(false);
  });
  it('removes every string containing a typed value from a fingerprint', () => {
    const fp = { v: 1, tag: 'a', name: 'Save', neighbours: ['Zebrafinch Quasar', 'Cancel'], selectors: { role: { role: 'heading', name: 'Zebrafinch Quasar' } } };
    const out = scrubSecrets(fp, ['zebrafinch quasar']);
    expect(JSON.stringify(out)).not.toMatch(/zebrafinch/i);
    expect(out.neighbours).toEqual(['Cancel']);
  });
});

describe('crop geometry', () => {
  it('centres the target, clamps to the viewport, grows for large targets', () => {
    expect(cropWindow({ x: 600, y: 380, w: 80, h: 40 }, { w: 1280, h: 800 })).toEqual({ x: 320, y: 200, w: 640, h: 400 });
    expect(cropWindow({ x: 0, y: 0, w: 40, h: 20 }, { w: 1280, h: 800 })).toMatchObject({ x: 0, y: 0 });
    const big = cropWindow({ x: 100, y: 100, w: 900, h: 300 }, { w: 1280, h: 800 });
    expect(big.w).toBeGreaterThanOrEqual(900);
    expect(outputSize(big).w).toBe(640);
    expect(clip({ x: -10, y: 0, w: 20, h: 10 }, { x: 0, y: 0, w: 5, h: 5 })).toEqual({ x: 0, y: 0, w: 5, h: 5 });
  });
});
