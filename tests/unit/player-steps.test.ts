import { describe, expect, it } from 'vitest';
import type { StepAction } from '~/lib/schema';
import {
  catchUpIndex,
  completes,
  elementName,
  fingerprintsOf,
  needsElement,
  originsOf,
  pageKey,
  samePage,
} from '~/lib/player/steps';

const input: StepAction = { type: 'input', inputType: 'text', keepValue: false, sensitive: false };

describe('when a step is done', () => {
  it('click steps advance on a click only', () => {
    expect(completes({ type: 'click' }, { kind: 'click' })).toBe(true);
    expect(completes({ type: 'click' }, { kind: 'change' })).toBe(false);
    expect(completes({ type: 'new-tab', url: 'https://x.test/' }, { kind: 'click' })).toBe(true);
  });

  it('text entry advances when committed (change, Enter), not on a click into the field', () => {
    expect(completes(input, { kind: 'change' })).toBe(true);
    expect(completes(input, { kind: 'commit' })).toBe(true);
    expect(completes(input, { kind: 'click' })).toBe(false);
  });

  it('a selection counts whatever the mentee chose', () => {
    expect(completes({ type: 'select', optionText: 'Annual leave' }, { kind: 'change' })).toBe(true);
    expect(completes({ type: 'select', optionText: 'Annual leave' }, { kind: 'click' })).toBe(false);
  });

  it('a checkbox must reach the recorded state; a radio counts when chosen', () => {
    const tick: StepAction = { type: 'check', checked: true, inputType: 'checkbox' };
    expect(completes(tick, { kind: 'change', checked: true })).toBe(true);
    expect(completes(tick, { kind: 'change', checked: false })).toBe(false);
    expect(completes({ type: 'check', checked: true, inputType: 'radio' }, { kind: 'change', checked: true })).toBe(
      true,
    );
  });

  it('submit advances on the form submit or the button click', () => {
    expect(completes({ type: 'submit' }, { kind: 'submit' })).toBe(true);
    expect(completes({ type: 'submit' }, { kind: 'click' })).toBe(true);
  });

  it('navigate steps advance on arriving at the page (query and fragment ignored)', () => {
    const nav: StepAction = { type: 'navigate', url: 'https://k.test/in/me', via: 'push' };
    expect(completes(nav, { kind: 'url', url: 'https://k.test/in/me/?tab=1#top' })).toBe(true);
    expect(completes(nav, { kind: 'url', url: 'https://k.test/in/me/edit' })).toBe(false);
    expect(completes(nav, { kind: 'click' })).toBe(false);
  });

  it('tips only advance with Next', () => {
    for (const kind of ['click', 'change', 'commit', 'submit'] as const)
      expect(completes({ type: 'tip' }, { kind })).toBe(false);
  });
});

describe('pages and positions', () => {
  it('page keys drop query, fragment and trailing slash; hosts are case-insensitive', () => {
    expect(pageKey('https://Example.test/a/b/?x=1#y')).toBe('https://example.test/a/b');
    expect(pageKey('https://example.test/')).toBe('https://example.test/');
    expect(samePage('https://example.test/a', 'https://EXAMPLE.test/a/')).toBe(true);
    expect(samePage('https://example.test/a', 'https://example.test/b')).toBe(false);
    expect(samePage('not a url', 'not a url')).toBe(false);
  });

  const steps = [
    { url: 'https://i.test/hr/leave', action: { type: 'select', optionText: 'x' } as StepAction },
    { url: 'https://i.test/hr/leave', action: { type: 'submit' } as StepAction },
    {
      url: 'https://i.test/hr/leave',
      action: { type: 'navigate', url: 'https://i.test/hr/confirm', via: 'load' } as StepAction,
    },
    { url: 'https://i.test/hr/confirm', action: { type: 'click' } as StepAction },
  ];

  it('after a full page load, catches up with a save the unload swallowed', () => {
    expect(catchUpIndex(steps, 1, 'https://i.test/hr/confirm?id=7')).toBe(2);
    // on the step's own page nothing moves
    expect(catchUpIndex(steps, 1, 'https://i.test/hr/leave')).toBe(1);
    // an unrelated page leaves the position alone
    expect(catchUpIndex(steps, 0, 'https://i.test/other')).toBe(0);
    // up to two steps ahead (select + submit both swallowed), never further
    expect(catchUpIndex(steps, 0, 'https://i.test/hr/confirm')).toBe(2);
    const longer = [steps[0]!, steps[0]!, ...steps];
    expect(catchUpIndex(longer, 0, 'https://i.test/hr/confirm')).toBe(0);
  });

  it('collects the origins a walkthrough plays on', () => {
    expect([...originsOf(['https://a.test/x', 'https://a.test/y', 'http://b.test:8080/', 'nonsense'])]).toEqual([
      'https://a.test',
      'http://b.test:8080',
    ]);
  });
});

describe('targets', () => {
  const fp = { v: 1 as const, tag: 'button', name: 'Speichern (#)' };
  it('prefers the healed fingerprint', () => {
    const healed = { v: 1 as const, tag: 'button', name: 'Sichern' };
    expect(fingerprintsOf({ target: fp, healedTarget: healed })).toEqual([healed, fp]);
    expect(fingerprintsOf({})).toEqual([]);
  });
  it('tips and steps without fingerprint need no element', () => {
    expect(needsElement({ action: { type: 'tip' }, target: fp })).toBe(false);
    expect(needsElement({ action: { type: 'click' } })).toBe(false);
    expect(needsElement({ action: { type: 'click' }, target: fp })).toBe(true);
  });
  it('names the element without masked counters', () => {
    expect(elementName({ target: fp })).toBe('Speichern');
    expect(elementName({ target: { v: 1, tag: 'input', label: 'Headline' } })).toBe('Headline');
    expect(elementName({ target: { v: 1, tag: 'div' } })).toBeUndefined();
    expect(elementName({ target: { v: 1, tag: 'a', text: 'x'.repeat(100) } })!.length).toBe(58);
  });
});
