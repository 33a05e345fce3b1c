import { describe, expect, it } from 'vitest';
import {
  CONTEXT_GATE,
  DEFAULT_THRESHOLDS,
  GATE,
  MISSING,
  WEIGHTS,
  combine,
  decide,
  rank,
  score,
  scoreDetail,
} from '../../lib/locator/rank';
import { ElementFingerprintSchema, FINGERPRINT_VERSION, type ElementFingerprint } from '../../lib/locator/fingerprint';

const like = (post: string, author: string, extra: Partial<ElementFingerprint> = {}): ElementFingerprint => ({
  v: FINGERPRINT_VERSION,
  tag: 'button',
  role: 'button',
  name: 'Like',
  text: 'Like',
  attrs: { type: 'button' },
  classes: { stable: ['artdeco-button', 'social-actions-button'], hashed: ['_t9vg8'] },
  heading: 'Feed',
  landmark: 'main: Main Feed',
  neighbours: ['Comment', 'Repost', 'Send', '# reactions', post, author],
  ancestors: [
    { tag: 'span', classes: ['reactions-react-button'] },
    { tag: 'div', role: 'group', classes: ['feed-shared-social-action-bar'] },
    { tag: 'div', role: 'article', classes: ['feed-shared-update-v2'] },
  ],
  rect: { x: 0.27, y: 0.52, w: 0.1, h: 0.06 },
  viewport: { w: 1280, h: 800 },
  ...extra,
});

const target = like('Our first reverse mentoring session was a success', 'Lena Wagner Working Student');
const twinA = like('What I learned from fifty tandems in public utilities', 'Aylin Demir Transformation Lead', {
  rect: { x: 0.27, y: 1.4, w: 0.1, h: 0.06 },
});
const twinB = like('We are hiring! Join our HR team in Munich', 'Sabine Hoffmann Head of HR', {
  rect: { x: 0.27, y: 2.3, w: 0.1, h: 0.06 },
});
const comment: ElementFingerprint = {
  ...target,
  name: 'Comment',
  text: 'Comment',
  neighbours: ['Like', 'Repost', 'Send', '# reactions', 'Our first reverse mentoring session was a success'],
};

describe('score', () => {
  it('is 1 for an identical fingerprint and within 0..1', () => {
    expect(score(target, target)).toBeCloseTo(1);
    for (const c of [twinA, twinB, comment]) {
      const s = score(target, c);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(1);
    }
  });

  it('normalises over the fields the target has: a field the target lacks is left out', () => {
    const bare: ElementFingerprint = { v: FINGERPRINT_VERSION, tag: 'button', name: 'Like' };
    const d = scoreDetail(bare, twinA);
    expect(Object.keys(d.parts).sort()).toEqual(['name', 'scope', 'tag']);
    expect(d.score).toBeCloseTo(1);
  });

  it('leaves out context the candidate lacks entirely (no geometry), credits a missing attribute a little, a different one nothing', () => {
    const noRect = { ...twinA, rect: undefined, viewport: undefined };
    expect(scoreDetail(target, noRect).parts.rect).toBeUndefined();
    const withLabel: ElementFingerprint = { ...target, attrs: { ...target.attrs, ariaLabel: 'Like this post' } };
    expect(scoreDetail(withLabel, target).parts.ariaLabel).toEqual([WEIGHTS.ariaLabel, MISSING]);
    expect(scoreDetail(withLabel, { ...target, attrs: { ariaLabel: 'Share' } }).parts.ariaLabel).toEqual([
      WEIGHTS.ariaLabel,
      0,
    ]);
    expect(MISSING).toBeGreaterThan(0);
    expect(MISSING).toBeLessThan(1);
    // a name of symbols only (the `⋯` of an icon button that lost its aria-label) is no name, not another one
    expect(scoreDetail(target, { ...target, name: '⋯' }).parts.name).toEqual([WEIGHTS.name, MISSING]);
    expect(scoreDetail({ ...target, name: '×' }, { ...target, name: '×' }).parts.name).toEqual([WEIGHTS.name, 1]);
  });

  it('compares an empty accessible name as a fact', () => {
    const nameless: ElementFingerprint = { v: FINGERPRINT_VERSION, tag: 'a', role: 'link', name: '' };
    expect(scoreDetail(nameless, { ...nameless }).parts.name).toEqual([WEIGHTS.name, 1]);
    expect(scoreDetail(nameless, { ...nameless, name: 'Lena Wagner' }).parts.name).toEqual([WEIGHTS.name, 0]);
  });

  it('weighs a generated id low and a stable id high', () => {
    const a = { ...target, id: 'ember619', idGenerated: true };
    expect(scoreDetail(a, { ...target, id: 'ember700' }).parts.idGenerated![0]).toBe(WEIGHTS.idGenerated);
    const b = { ...target, id: 'like-button' };
    expect(scoreDetail(b, target).parts.id![0]).toBe(WEIGHTS.id);
  });
});

describe('gates', () => {
  it('combine() turns the per-field parts into the score', () => {
    for (const c of [target, twinA, comment]) {
      const d = scoreDetail(target, c);
      expect(combine(d.parts).score).toBeCloseTo(d.score, 10);
    }
  });

  it('ignores enumerable junk a page put on Object.prototype', () => {
    const proto = Object.prototype as Record<string, unknown>;
    Object.defineProperty(proto, '__hostile', { value: true, enumerable: true, configurable: true, writable: true });
    try {
      expect(score(target, target)).toBeCloseTo(1);
    } finally {
      delete proto.__hostile;
    }
  });

  it('identity gate: shared context alone does not make another element the target', () => {
    const parts = scoreDetail(target, comment).parts;
    expect(parts.name![1]).toBe(0);
    // every identifier differs: the mean is scaled by 1 − GATE
    expect(combine(parts).gate).toBeCloseTo(1 - GATE);
  });

  it('context gate: the same name and link in another place scores lower than the mean', () => {
    const home: ElementFingerprint = {
      v: FINGERPRINT_VERSION,
      tag: 'a',
      role: 'link',
      name: 'Home',
      text: 'Home',
      href: { path: '/intranet/', queryKeys: [] },
      heading: '',
      landmark: '',
      neighbours: ['You are here:', '» IT Help'],
      neighbourDepth: [0, 0],
    };
    const navHome: ElementFingerprint = {
      ...home,
      landmark: 'navigation: Main navigation',
      neighbours: ['HR', 'Directory', 'Kantine'],
      neighbourDepth: [0, 0, 0],
    };
    const d = scoreDetail(home, navHome);
    let sw = 0;
    let ss = 0;
    for (const [w, s] of Object.values(d.parts)) {
      sw += w;
      ss += w * s;
    }
    expect(d.gate).toBe(1);
    expect(d.score).toBeLessThan((ss / sw) * (1 - CONTEXT_GATE / 2));
    expect(rank(home, [navHome]).status).not.toBe('found');
  });
});

describe('rank', () => {
  it('puts the right one of identical buttons first because of its context', () => {
    const r = rank(target, [twinA, target, twinB]);
    expect(r.candidates[0]!.index).toBe(1);
    expect(r.status).toBe('found');
    expect(r.candidates.map((c) => c.index).sort()).toEqual([0, 1, 2]);
  });

  it('declines when the target is gone and only its twins remain', () => {
    const r = rank(target, [twinA, twinB, comment]);
    expect(r.status).not.toBe('found');
  });

  it('says not-found when nothing is alike', () => {
    const other: ElementFingerprint = {
      v: FINGERPRINT_VERSION,
      tag: 'input',
      role: 'textbox',
      name: 'Search',
      attrs: { type: 'text', placeholder: 'Search' },
    };
    expect(rank(target, [other]).status).toBe('not-found');
    expect(rank(target, []).status).toBe('not-found');
  });

  it('treats nested candidates as one target for the margin', () => {
    const inner = { ...target };
    const r1 = rank(target, [target, inner]);
    expect(r1.status).not.toBe('found');
    const r2 = rank(target, [target, inner], { sameTarget: (i, j) => i + j === 1 });
    expect(r2.status).toBe('found');
  });

  it('accepts threshold overrides', () => {
    expect(rank(target, [twinA], { thresholds: { found: 0.99, ambiguous: 0.99 } }).status).toBe('not-found');
    expect(rank(target, [twinA], { thresholds: { found: 0.01, margin: 0 } }).status).toBe('found');
  });

  it('accepts a valid fingerprint through the zod schema', () => {
    expect(ElementFingerprintSchema.parse(target)).toEqual(target);
  });
});

describe('decision rule', () => {
  const th = { found: 0.8, margin: 0.1, ambiguous: 0.5, fastPath: 0.9 };
  it('needs both the threshold and the margin for found', () => {
    expect(decide(0.9, 0.7, th)).toBe('found');
    expect(decide(0.9, 0.85, th)).toBe('ambiguous');
    expect(decide(0.79, 0, th)).toBe('ambiguous');
    expect(decide(0.49, 0, th)).toBe('not-found');
    expect(decide(0.8, 0.7, th)).toBe('found');
  });

  it('asks about a plausible best (its score without the context gate) that cannot be found', () => {
    expect(decide(0.45, 0.2, th, 0.58)).toBe('ambiguous');
    expect(decide(0.45, 0.2, th, 0.47)).toBe('not-found');
    expect(decide(0.9, 0.7, th, 0.2)).toBe('found');
  });

  it('the same element moved to another place is asked about, never found', () => {
    const edit: ElementFingerprint = {
      v: FINGERPRINT_VERSION,
      tag: 'a',
      role: 'link',
      name: 'Edit profile',
      text: 'Edit profile',
      href: { path: '/in/me/edit', queryKeys: [] },
      classes: { stable: ['artdeco-button', 'pv-top-card__edit-button'], hashed: [] },
      heading: 'Dr. Klaus Becker',
      landmark: 'region: Intro',
      neighbours: ['Open to', 'More', 'Dr. Klaus Becker Managing Director', 'Kontakto Help'],
      neighbourDepth: [0, 0, 1, 2],
      ancestors: [
        { tag: 'div', classes: ['pv-top-card-v2-ctas'] },
        { tag: 'section', classes: ['pv-top-card'] },
      ],
      rect: { x: 0.3, y: 0.45, w: 0.1, h: 0.04 },
      viewport: { w: 1280, h: 800 },
    };
    // now in the sidebar: same name, link and classes; other heading, landmark, siblings, ancestors, place
    const moved: ElementFingerprint = {
      ...edit,
      heading: 'Skills',
      landmark: 'region: Profile language',
      neighbours: ['Profile language English', 'Public profile and URL', 'Kontakto Help'],
      neighbourDepth: [0, 1, 3],
      ancestors: [{ tag: 'section', classes: ['pv-profile-sidebar__language'] }, { tag: 'aside' }],
      rect: { x: 0.71, y: 0.11, w: 0.12, h: 0.04 },
    };
    const d = scoreDetail(edit, moved);
    expect(d.gate).toBe(1);
    expect(d.contextGate).toBeLessThan(0.85);
    // its score alone is below the bar for a question; without the context gate it is plausible
    expect(d.score).toBeLessThan(DEFAULT_THRESHOLDS.ambiguous);
    expect(rank(edit, [moved]).status).toBe('ambiguous');
  });

  it('ships calibrated defaults that are consistent', () => {
    expect(DEFAULT_THRESHOLDS.found).toBeGreaterThan(DEFAULT_THRESHOLDS.ambiguous);
    expect(DEFAULT_THRESHOLDS.fastPath).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.found);
    expect(DEFAULT_THRESHOLDS.margin).toBeGreaterThan(0);
  });
});
