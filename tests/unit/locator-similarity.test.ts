import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ancestorsSim,
  diceTokens,
  editSim,
  hrefSim,
  identSim,
  jaccard,
  levenshtein,
  neighbourIdf,
  neighboursSim,
  rectSim,
  roleSim,
  scopeSim,
  tagSim,
  textSim,
} from '../../lib/locator/similarity';

describe('levenshtein / editSim', () => {
  it('computes edit distances', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('same', 'same')).toBe(0);
    expect(editSim('like', 'liked')).toBeCloseTo(0.8);
    expect(editSim('', '')).toBe(1);
  });

  it('is symmetric and bounded (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (a, b) => {
        const d = levenshtein(a, b);
        expect(d).toBe(levenshtein(b, a));
        const s = editSim(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('set overlaps', () => {
  it('diceTokens counts multiset overlap', () => {
    expect(diceTokens(['a', 'b'], ['a', 'c'])).toBe(0.5);
    expect(diceTokens(['a', 'a'], ['a'])).toBeCloseTo(2 / 3);
    expect(diceTokens([], [])).toBe(1);
    expect(diceTokens(['a'], [])).toBe(0);
  });

  it('jaccard on small and large lists agrees with the set definition', () => {
    expect(jaccard(['a', 'b', 'c'], ['b', 'c', 'd'])).toBe(0.5);
    expect(jaccard(['a', 'a', 'b'], ['a'])).toBe(0.5);
    const big = Array.from({ length: 20 }, (_, i) => 'c' + i);
    expect(jaccard(big, big.slice(0, 10))).toBe(0.5);
  });
});

describe('textSim', () => {
  it('ignores case, punctuation and counters', () => {
    expect(textSim('Like', 'Like')).toBe(1);
    expect(textSim('Like', 'like!')).toBe(0.97);
    expect(textSim('Notifications', 'Notifications (#)')).toBe(0.92);
  });

  it('scores containment (reworded labels) by the share of words', () => {
    expect(textSim('Save', 'Save changes')).toBe(0.75);
    expect(textSim('Save', 'Save all your changes')).toBeCloseTo(0.625);
  });

  it('scores substituted words low: in short labels the differing word is the meaning', () => {
    expect(textSim('Last name', 'First name')).toBeLessThan(0.3);
    expect(textSim('Like', 'Comment')).toBe(0);
    expect(textSim('Submit', 'Send request')).toBe(0);
  });

  it('counts small spelling changes', () => {
    expect(textSim('Like', 'Liked')).toBeCloseTo(0.5);
    expect(textSim('Save changes', 'Save change')).toBeCloseTo(0.82, 1);
    expect(textSim('Comment', 'Connect')).toBeLessThan(0.35);
  });

  it('is 0 against a missing string', () => {
    expect(textSim('Like', undefined)).toBe(0);
    expect(textSim('Like', '')).toBe(0);
  });
});

describe('identSim', () => {
  it('compares identifiers by their words', () => {
    expect(identSim('btnSubmit', 'btnSubmit')).toBe(1);
    expect(identSim('BtnSubmit', 'btnsubmit')).toBe(0.95);
    const asp = identSim('ctl00_PlaceHolderMain_btnSubmit', 'ctl00_ctl41_PlaceHolderMain_btnSubmit');
    expect(asp).toBeGreaterThan(0.7);
    expect(identSim('ctl00_PlaceHolderMain_btnSubmit', 'ctl00_PlaceHolderMain_btnCancel')).toBeLessThan(asp);
    expect(identSim('a', undefined)).toBe(0);
  });
});

describe('hrefSim', () => {
  it('is 1 for the same path, 0.85 when only id-like segments differ, partial for shared segments', () => {
    expect(hrefSim({ path: '/jobs', queryKeys: [] }, { path: '/jobs', queryKeys: [] })).toBe(1);
    expect(hrefSim({ path: '/post/123', queryKeys: [] }, { path: '/post/456', queryKeys: [] })).toBe(0.85);
    const partial = hrefSim({ path: '/in/me/edit', queryKeys: [] }, { path: '/in/me', queryKeys: [] });
    expect(partial).toBeGreaterThan(0.4);
    expect(partial).toBeLessThan(0.7);
    expect(hrefSim({ path: '/a', queryKeys: [] }, { path: '/b', queryKeys: [] })).toBe(0);
  });

  it('weighs query keys at 15 %', () => {
    expect(hrefSim({ path: '/s', queryKeys: ['q'] }, { path: '/s', queryKeys: [] })).toBeCloseTo(0.85);
  });
});

describe('tagSim / roleSim', () => {
  it('treats a ↔ button as a partial match', () => {
    expect(tagSim('a', 'a')).toBe(1);
    expect(tagSim('a', 'button')).toBe(0.6);
    expect(tagSim('input', 'textarea')).toBe(0.5);
    expect(tagSim('div', 'button')).toBe(0);
    expect(roleSim('link', 'button')).toBe(0.7);
    expect(roleSim('textbox', 'searchbox')).toBe(0.5);
    expect(roleSim('button', undefined)).toBe(0);
    expect(roleSim('heading', 'button')).toBe(0);
  });
});

describe('ancestorsSim', () => {
  const chain = [
    { tag: 'span', classes: ['reactions-react-button'] },
    { tag: 'div', role: 'group', classes: ['social-action-bar'] },
    { tag: 'div', role: 'article', classes: ['feed-update'] },
    { tag: 'main', id: 'main' },
  ];

  it('is 1 for the same chain and survives inserted wrappers with a small loss', () => {
    expect(ancestorsSim(chain, chain)).toBe(1);
    const wrapped = [chain[0]!, { tag: 'div' }, { tag: 'div' }, ...chain.slice(1)];
    const s = ancestorsSim(chain, wrapped);
    expect(s).toBeGreaterThan(0.75);
    expect(s).toBeLessThan(1);
  });

  it('drops when the structure differs', () => {
    const other = [{ tag: 'li' }, { tag: 'ul', classes: ['menu'] }, { tag: 'nav', role: 'navigation' }];
    expect(ancestorsSim(chain, other)).toBeLessThan(0.3);
    expect(ancestorsSim([], other)).toBe(1);
    expect(ancestorsSim(chain, [])).toBe(0);
  });
});

describe('neighboursSim', () => {
  const mine = [
    'Comment',
    'Repost',
    'Send',
    'Our first reverse mentoring session was a success',
    'Lena Wagner Working Student',
  ];
  const twin = ['Comment', 'Repost', 'Send', 'What I learned from fifty tandems', 'Aylin Demir Transformation Lead'];

  it('is order-free within snippets and 1 for the same text', () => {
    expect(neighboursSim(mine, mine)).toBe(1);
    expect(neighboursSim(['a b', 'c d'], ['b a', 'c d'])).toBe(1);
    expect(neighboursSim([], twin)).toBe(1);
    expect(neighboursSim(mine, [])).toBe(0);
  });

  it('with idf, words all candidates share count less: a twin in another post drops', () => {
    const near = ['Comment', 'Lena Wagner Working Student'];
    const other = ['Comment', 'Aylin Demir Transformation Lead'];
    const depth = [0, 0];
    const plain = neighboursSim(near, other, undefined, depth, depth);
    const idf = neighbourIdf(near, [near, other, ['Comment', 'x y z'], ['Comment', 'u v w']]);
    const weighted = neighboursSim(near, other, idf, depth, depth);
    expect(weighted).toBeLessThan(plain);
    expect(neighboursSim(near, near, idf, depth, depth)).toBeCloseTo(1);
  });

  it('weighs nearer snippets more', () => {
    const nearSame = neighboursSim(['alpha', 'beta'], ['alpha', 'gamma']);
    const farSame = neighboursSim(['alpha', 'beta'], ['delta', 'beta']);
    expect(nearSame).toBeGreaterThan(farSame);
  });

  // a card in a list of cards: its own sibling text at level 0, the other cards at level 1
  const card = [
    'Ignore',
    'Monika Weber HR Business Partner',
    'Stefan Braun Plant Manager',
    'Katharina Schulz Legal Counsel',
  ];
  const cardDepth = [0, 0, 1, 1];

  it('measures recall: inserted siblings and a new level of siblings cost little', () => {
    const inserted = ['Ignore', 'Try Premium for free', 'Monika Weber HR Business Partner', ...card.slice(2)];
    expect(neighboursSim(card, inserted, undefined, cardDepth, [0, 0, 0, 1, 1])).toBeCloseTo(1);
    // a promo block inserted between the card and the list: the list moved one level out
    const promo = [...card.slice(0, 2), 'New: Creator mode', ...card.slice(2)];
    const shifted = neighboursSim(card, promo, undefined, cardDepth, [0, 0, 1, 2, 2]);
    expect(shifted).toBeGreaterThan(0.9);
    expect(shifted).toBeLessThan(1);
  });

  it('aligns levels in order: a twin in the next card, which sees our card one level up, loses', () => {
    const twin = [
      'Ignore',
      'Stefan Braun Plant Manager',
      'Monika Weber HR Business Partner',
      'Katharina Schulz Legal Counsel',
    ];
    const s = neighboursSim(card, twin, undefined, cardDepth, cardDepth);
    expect(s).toBeLessThan(0.75);
    expect(neighboursSim(card, card, undefined, cardDepth, cardDepth)).toBe(1);
  });
});

describe('rectSim', () => {
  const vp = { w: 1280, h: 800 };
  it('combines size ratio and centre distance on the same viewport', () => {
    const r = { x: 0.1, y: 0.5, w: 0.1, h: 0.05 };
    expect(rectSim(r, vp, r, vp)).toBe(1);
    expect(rectSim(r, vp, { ...r, y: 0.55 }, vp)).toBeCloseTo(0.5 + 0.5 * 0.8);
    expect(rectSim(r, vp, { ...r, y: 2 }, vp)).toBe(0.5);
  });

  it('compares only the size across different viewports', () => {
    const r = { x: 0.1, y: 0.5, w: 0.1, h: 0.05 };
    const other = { w: 1024, h: 700 };
    const same = { x: 0.9, y: 3, w: (0.1 * 1280) / 1024, h: (0.05 * 800) / 700 };
    expect(rectSim(r, vp, same, other)).toBeCloseTo(1);
  });
});

describe('scopeSim', () => {
  it('is 1 for the same frame/shadow chain, 0.5 for the same depth, 0 otherwise', () => {
    expect(scopeSim(['|'], ['|'])).toBe(1);
    expect(scopeSim(['|', 'kt-picker'], ['|', 'kt-picker'])).toBe(1);
    expect(scopeSim(['|', 'kt-picker'], ['|', 'x-other'])).toBe(0.5);
    expect(scopeSim(['|'], ['|', 'kt-picker'])).toBe(0);
  });
});
