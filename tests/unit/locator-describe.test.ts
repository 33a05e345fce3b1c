// @vitest-environment happy-dom
import { beforeEach, describe as suite, expect, it } from 'vitest';
import { describe, interactiveTarget, neighboursOf } from '../../lib/locator/describe';
import { rank } from '../../lib/locator/rank';
import { ElementFingerprintSchema } from '../../lib/locator/fingerprint';

function page(html: string): void {
  document.body.replaceChildren();
  const tpl = document.createElement('template');
  // test fixture markup only (the library itself never parses HTML)
  tpl.innerHTML = html;
  document.body.append(tpl.content);
}

const q = (sel: string) => document.querySelector(sel)!;

suite('describe', () => {
  beforeEach(() => {
    page(`
      <header><nav aria-label="Primary"><ul class="Nav_list__x8Kd2">
        <li><a href="/feed" class="nav-item css-1q2w3e">Home</a></li>
        <li><a href="/jobs?trk=nav&refId=3" class="nav-item _3xK9a" id="ember123">Jobs</a></li>
      </ul></nav></header>
      <main>
        <h1>Feed</h1>
        <article class="post"><span>Lena Wagner</span><p>Our first session was a success</p>
          <div class="actions"><button type="button" class="artdeco-button _t9vg8">Like</button><button type="button">Comment (12)</button></div>
        </article>
        <form aria-label="Settings"><label for="hl">Headline</label><input id="hl" name="headline" placeholder="Your headline" value="secret"></form>
        <button type="button" aria-label="Close dialog"><svg><title>x</title></svg></button>
      </main>`);
  });

  it('records role, accessible name, text, classes split, href and an empty-name fact', () => {
    const fp = describe(q('a#ember123'));
    expect(fp).toMatchObject({
      v: 1,
      tag: 'a',
      role: 'link',
      name: 'Jobs',
      text: 'Jobs',
      id: 'ember123',
      idGenerated: true,
    });
    expect(fp.href).toEqual({ path: '/jobs', queryKeys: ['refId', 'trk'] });
    expect(fp.classes).toEqual({ stable: ['nav-item'], hashed: ['_3xK9a'] });
    expect(fp.landmark).toBe('navigation: Primary');
    expect(fp.heading).toBe('');
    expect(ElementFingerprintSchema.parse(fp)).toEqual(fp);
  });

  it('masks counters and finds the heading, neighbours and ancestors of a button in a post', () => {
    const fp = describe(q('.actions button:nth-child(2)'));
    expect(fp.name).toBe('Comment (#)');
    expect(fp.heading).toBe('Feed');
    expect(fp.landmark).toBe('main');
    expect(fp.neighbours?.[0]).toBe('Like');
    expect(fp.neighbours).toContain('Lena Wagner');
    expect(fp.neighbourDepth?.length).toBe(fp.neighbours?.length);
    expect(fp.ancestors?.map((a) => a.tag)).toEqual(['div', 'article', 'main']);
  });

  it('takes the label of a form control and never its value', () => {
    const fp = describe(q('#hl'));
    expect(fp).toMatchObject({
      tag: 'input',
      name: 'Headline',
      label: 'Headline',
      attrs: { name: 'headline', placeholder: 'Your headline' },
    });
    expect(JSON.stringify(fp)).not.toContain('secret');
    expect(fp.text).toBeUndefined();
  });

  it('uses aria-label for icon buttons', () => {
    expect(describe(q('button[aria-label]')).name).toBe('Close dialog');
  });

  it('caps strings and keeps the fingerprint small', () => {
    q('p').textContent = 'word '.repeat(500);
    const fp = describe(q('.actions button'));
    for (const s of fp.neighbours ?? []) expect(s.length).toBeLessThanOrEqual(60);
    expect(JSON.stringify(fp).length).toBeLessThan(4000);
  });

  it('is not fooled by clobbered form properties', () => {
    page(`<form id="f"><input name="tagName"><input name="getAttribute"><input name="id"><button>Go</button></form>`);
    const fp = describe(q('button'));
    expect(fp.tag).toBe('button');
    expect(fp.ancestors?.[0]).toMatchObject({ tag: 'form', id: 'f' });
  });

  it('interactiveTarget climbs from an icon to its button', () => {
    page(`<button id="b"><span><svg><path></path></svg></span></button>`);
    expect(interactiveTarget(q('path'))).toBe(q('#b'));
  });

  it('neighbours stop at the item boundary of a list of posts', () => {
    page(`<div class="feed">
      <div role="article"><b>Anna</b><p>first post about our mentoring</p><button>Like</button></div>
      <div role="article"><b>Ben</b><p>second post about hashtags</p><button id="t">Like</button></div>
      <div role="article"><b>Cleo</b><p>third post about leadership</p><button>Like</button></div></div>
      <ul><li><a id="nav" href="/a">Home</a></li><li><a href="/b">Jobs</a></li></ul>`);
    expect(neighboursOf(q('#t'))).toEqual(['second post about hashtags', 'Ben']);
    // a nav item has no text of its own: its neighbours are the other entries
    expect(neighboursOf(q('#nav'))).toContain('Jobs');
  });

  it('ranks a recorded button back to itself among look-alikes', () => {
    page(`<div class="feed">
      <div role="article"><b>Anna</b><p>first post about hashtags</p><button>Like</button></div>
      <div role="article"><b>Ben</b><p>second post about mentoring</p><button id="t">Like</button></div>
      <div role="article"><b>Cleo</b><p>third post about leadership</p><button>Like</button></div></div>`);
    const all = [...document.querySelectorAll('button')];
    const target = describe(q('#t'), { geometry: false });
    const r = rank(
      target,
      all.map((b) => describe(b, { geometry: false, selectors: false })),
    );
    expect(r.candidates[0]!.index).toBe(1);
    expect(r.status).toBe('found');
    q('#t').closest('[role=article]')!.remove();
    const rest = [...document.querySelectorAll('button')].map((b) =>
      describe(b, { geometry: false, selectors: false }),
    );
    expect(rank(target, rest).status).not.toBe('found');
  });
});
