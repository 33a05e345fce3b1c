// @vitest-environment happy-dom
import { describe as suite, expect, it } from 'vitest';
import { describe, resolveSync } from '../../lib/locator';

function page(html: string): void {
  document.body.replaceChildren();
  const tpl = document.createElement('template');
  // test fixture markup only (the library itself never parses HTML)
  tpl.innerHTML = html;
  document.body.append(tpl.content);
}

const q = (sel: string) => document.querySelector(sel)!;

suite('resolve: candidates', () => {
  it('finds a link that became a button (candidates from different tag collections)', () => {
    page(`<nav aria-label="Primary"><a href="/feed">Home</a><a href="/jobs">Jobs</a><a href="/messaging">Messaging</a></nav>
      <main><h1>Feed</h1><button type="button">Start a post</button></main>`);
    const fp = describe(q('a[href="/jobs"]'));
    const link = q('a[href="/jobs"]');
    const button = document.createElement('button');
    button.textContent = 'Jobs';
    link.replaceWith(button);
    const r = resolveSync(fp, document, { noFastPath: true });
    expect(r.element).toBe(button);
    expect(r.status).not.toBe('not-found');
  });

  it('keeps an icon button that lost its aria-label among the candidates, first', () => {
    const items = ['Lena Wagner', 'Aylin Demir', 'Jonas Fischer', 'Sabine Hoffmann', 'Monika Weber', 'Stefan Braun']
      .map(
        (who) =>
          `<li><p>${who} commented on your post</p><button type="button" class="menu" aria-label="Settings menu">⋯</button></li>`,
      )
      .join('');
    page(`<main><h1>Notifications</h1><ul>${items}</ul></main>`);
    const target = document.querySelectorAll('button')[4]!;
    const fp = describe(target);
    target.removeAttribute('aria-label');
    const r = resolveSync(fp, document, { noFastPath: true });
    expect(r.candidates[0]?.element).toBe(target);
    expect(r.status).not.toBe('not-found');
  });

  it('finds custom controls by role and by their own tag, but never a heading for a button', () => {
    page(`<main><h2 role="heading">Save</h2><section><h3>Profile</h3>
      <div role="button" class="btn">Save</div><kt-chip>Open to work</kt-chip></section></main>`);
    const fpBtn = describe(q('div[role=button]'));
    const fpChip = describe(q('kt-chip'));
    const r1 = resolveSync(fpBtn, document, { noFastPath: true });
    expect(r1.status).toBe('found');
    expect(r1.element).toBe(q('div[role=button]'));
    expect(r1.candidates.map((c) => c.element)).not.toContain(q('h2'));
    const r2 = resolveSync(fpChip, document, { noFastPath: true });
    expect(r2.element).toBe(q('kt-chip'));
  });

  it('searches an element root and open shadow roots; declines a removed target', () => {
    page(
      `<div id="app"><section aria-label="Reactions"><kt-picker></kt-picker></section><button type="button">Send</button></div>`,
    );
    const host = q('kt-picker');
    const sr = host.attachShadow({ mode: 'open' });
    const b = document.createElement('button');
    b.setAttribute('aria-label', 'Celebrate');
    b.textContent = '🎉';
    sr.append(b);
    const fp = describe(b);
    expect(fp.shadowHosts?.length).toBe(1);
    const r = resolveSync(fp, q('#app'), { noFastPath: true });
    expect(r.status).toBe('found');
    expect(r.element).toBe(b);
    b.remove();
    expect(resolveSync(fp, q('#app'), { noFastPath: true }).status).not.toBe('found');
  });
});
