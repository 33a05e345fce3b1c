// @vitest-environment happy-dom
import { describe as suite, expect, it } from 'vitest';
import { describe, resolveSync, type ResolveResult } from '../../lib/locator';
import { createContext, DEFERRED_FIELDS, headingOf } from '../../lib/locator/describe';
import { idfFor, scoreBound, scoreWithIdf } from '../../lib/locator/rank';

function page(html: string): void {
  document.body.replaceChildren();
  const tpl = document.createElement('template');
  // test fixture markup only (the library itself never parses HTML)
  tpl.innerHTML = html;
  document.body.append(tpl.content);
}

/** a feed of near-identical posts: many candidates that differ only in costly fields (heading, neighbours) */
function feed(posts: number): void {
  let html = '<header><nav aria-label="Primary"><a href="/feed">Home</a><a href="/jobs">Jobs</a></nav></header><main>';
  for (let i = 0; i < posts; i++)
    html += `<section aria-label="Post ${i % 3}"><h2>Post by ${['Lena', 'Jonas', 'Erika'][i % 3]} ${i % 4}</h2>
      <article><p>${['Quarterly results', 'Team offsite', 'New hire'][i % 3]} ${i % 5}</p>
      <button type="button" aria-pressed="false">Like</button><button type="button">Comment</button>
      <label>Reply <input name="reply-${i % 2}"></label></article></section>`;
  page(html + '</main>');
}

const summary = (r: ResolveResult) => ({
  status: r.status,
  element: r.element,
  score: r.score,
  runnerUp: r.runnerUp,
  candidates: r.candidates.map((c) => [c.element, c.score]),
});

suite('resolve: two-stage description', () => {
  it('decides exactly as when every candidate is described in full', () => {
    feed(30);
    const targets = [...document.querySelectorAll('button, input, a')].filter((_, i) => i % 4 === 0);
    const fps = targets.map((t) => describe(t));
    // mutate: drop one post, reword a label — so some resolves are found, some ambiguous, one declined
    document.querySelectorAll('section')[7]!.remove();
    document.querySelector('h2')!.textContent = 'Post by Lena (edited)';
    for (const fp of fps) {
      const fast = resolveSync(fp, document, { noFastPath: true });
      // `inspect` makes resolve describe every candidate in full (calibration dumps)
      const full = resolveSync(fp, document, { noFastPath: true, inspect: () => undefined });
      expect(summary(fast)).toEqual(summary(full));
    }
  });

  it('bounds a partly described candidate from above', () => {
    feed(6);
    const els = [...document.querySelectorAll('button, input')];
    const target = describe(els[4]!);
    const cheap = els.map((e) => describe(e, { selectors: false, deferCostly: true }));
    const full = els.map((e) => describe(e, { selectors: false }));
    expect(cheap[0]!.name).toBeUndefined();
    const idf = idfFor(
      target,
      cheap.map((c) => c.neighbours),
    );
    for (let i = 0; i < els.length; i++) {
      expect(scoreBound(target, cheap[i]!, DEFERRED_FIELDS, idf)).toBeGreaterThanOrEqual(
        scoreWithIdf(target, full[i]!, idf),
      );
    }
  });
});

suite('nearest heading with the per-call child index', () => {
  it('gives the same heading as compareDocumentPosition for every element', () => {
    page(`<header><h1>Site</h1><nav><a href="/">Home</a></nav></header><main><div role="heading">Feed</div>
      <section><h2>First <b>post</b></h2><p>Text <a href="/x">link</a></p><div><h3>Inner</h3><button>Like</button></div></section>
      <section><p>No heading here <button>Share</button></p><h2 hidden>Hidden</h2><button>After hidden</button></section>
      <h4></h4><article><h2>Last</h2><ul><li><button>One</button></li><li><h5>Five</h5><button>Two</button></li></ul></article></main>
      <aside><button>Aside</button></aside>`);
    const ctx = createContext();
    const all = [...document.body.querySelectorAll('*')];
    const withIndex = all.map((e) => headingOf(e, ctx));
    // without a context headingOf compares positions with compareDocumentPosition
    expect(withIndex).toEqual(all.map((e) => headingOf(e)));
    expect(withIndex[all.indexOf(document.querySelector('aside button')!)]).toBe('Five');
  });
});
