/**
 * Generated LinkedIn-like pages for the locator benchmark: a feed (for the 1k/10k/50k timing pages and as
 * an extra source page full of near-duplicate "Like"/"Follow" buttons) and a settings page with several
 * identical "Save" buttons. Deterministic for a seed. Plain HTML strings (served by the bench's server).
 */

export function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Anna',
  'Jonas',
  'Mia',
  'Lukas',
  'Lea',
  'Finn',
  'Emma',
  'Paul',
  'Sofia',
  'Ben',
  'Lina',
  'Elias',
  'Clara',
  'Noah',
  'Ida',
  'Felix',
  'Marie',
  'Leon',
  'Hanna',
  'Tim',
  'Greta',
  'Jan',
  'Nora',
  'Max',
];
const LAST = [
  'Schmidt',
  'Müller',
  'Weber',
  'Fischer',
  'Wagner',
  'Becker',
  'Hoffmann',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Neumann',
  'Schulz',
  'Braun',
  'Krüger',
  'Hartmann',
  'Lange',
  'Werner',
  'Krause',
  'Lehmann',
];
const ROLES = [
  'Product Manager',
  'Software Engineer',
  'UX Designer',
  'Data Analyst',
  'HR Business Partner',
  'Sales Director',
  'Nurse',
  'Teacher',
  'Architect',
  'Accountant',
  'Marketing Lead',
  'CTO',
];
const COMPANIES = [
  'Nordlicht GmbH',
  'Bergwerk AG',
  'Fluss & Co',
  'Hanse Digital',
  'Alpenblick',
  'Stadtwerke Mitte',
  'Rheinland Logistik',
  'Sonnenfeld Klinik',
];
const WORDS =
  'team project launch learning mentoring growth digital workshop customers feedback data design product hiring culture remote office sustainability innovation conference keynote community career milestone success weekend volunteers'.split(
    ' ',
  );

function pick<T>(r: () => number, a: readonly T[]): T {
  return a[Math.floor(r() * a.length)]!;
}

function hash(r: () => number, n = 5): string {
  const c = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let s = '';
  for (let i = 0; i < n; i++) s += c[Math.floor(r() * c.length)];
  // make sure it mixes letters and digits like real hashes
  return s.slice(0, 2) + String(Math.floor(r() * 10)) + s.slice(2);
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** CSS-modules style class names: `Post_actions__x8Kd2` (module name + local name + hash) */
function classNamer(seed: number) {
  const r = prng(seed);
  const map = new Map<string, string>();
  return (name: string) => {
    let v = map.get(name);
    if (!v) {
      v = `${name}__${hash(r)}`;
      map.set(name, v);
    }
    return v;
  };
}

function sentence(r: () => number, n: number): string {
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(pick(r, WORDS));
  const s = w.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

const STYLE = `
body{margin:0;font:14px/1.4 system-ui,sans-serif;background:#f3f2ef;color:#222}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;display:flex;gap:12px;align-items:center;padding:6px 16px;z-index:2}
header nav ul{display:flex;gap:8px;list-style:none;margin:0;padding:0}
a{color:#0a66c2;text-decoration:none}
button{font:inherit;border:1px solid #888;border-radius:14px;background:#fff;padding:3px 10px;cursor:pointer}
.layout{display:grid;grid-template-columns:220px minmax(0,560px) 260px;gap:16px;max-width:1100px;margin:16px auto;padding:0 8px}
article,aside section,.card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:10px;margin-bottom:10px}
.actions{display:flex;gap:6px;margin-top:6px}
.meta{color:#666;font-size:12px}
`;

export interface FeedOptions {
  seed?: number;
  /** approximate number of elements on the page */
  elements: number;
}

/** A feed page of about `elements` elements: header nav, profile card, posts, suggestions with Follow buttons. */
export function feedPage({ seed = 1, elements }: FeedOptions): string {
  const r = prng(seed);
  const cls = classNamer(seed * 7 + 3);
  const parts: string[] = [];
  parts.push(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feed | Netzwerk</title><style>${STYLE}</style></head><body>`,
  );
  parts.push(`<header class="${cls('Header_root')}"><a href="/feed" class="${cls('Header_logo')}" aria-label="Netzwerk home"><b>N</b></a>
<form role="search" class="${cls('Search_form')}"><input type="search" name="q" placeholder="Search" aria-label="Search" class="${cls('Search_input')}"></form>
<nav aria-label="Primary"><ul class="${cls('Nav_list')}">
<li><a href="/feed" class="${cls('Nav_item')} active" aria-current="page">Home</a></li>
<li><a href="/mynetwork" class="${cls('Nav_item')}">My Network</a></li>
<li><a href="/jobs" class="${cls('Nav_item')}">Jobs</a></li>
<li><a href="/messaging" class="${cls('Nav_item')}">Messaging <span class="${cls('Badge_count')}">4</span></a></li>
<li><a href="/notifications" class="${cls('Nav_item')}">Notifications <span class="${cls('Badge_count')}">12</span></a></li>
<li><button type="button" class="${cls('Nav_me')}" aria-haspopup="menu">Me</button></li>
</ul></nav></header>`);
  parts.push(`<div class="layout ${cls('Layout_grid')}"><aside class="${cls('Sidebar_left')}" aria-label="Profile"><section class="${cls('Profile_card')}">
<a href="/in/me" class="${cls('Profile_name')}">Erika Mustermann</a><p class="meta">Head of Finance at Bergwerk AG</p>
<a href="/in/me/views" class="${cls('Profile_stat')}">Profile viewers <b>38</b></a><br><a href="/saved" class="${cls('Profile_link')}">Saved items</a></section></aside>`);
  parts.push(`<main class="${cls('Feed_main')}" aria-label="Feed"><div class="card ${cls('Share_box')}"><button type="button" class="${cls('Share_start')}">Start a post</button>
<div class="actions"><button type="button" class="${cls('Share_media')}">Photo</button><button type="button" class="${cls('Share_media')}">Video</button><button type="button" class="${cls('Share_media')}">Write article</button></div></div>
<h1 class="${cls('Feed_title')}" style="font-size:16px">Feed</h1>`);
  // measured: ~140 elements of chrome around the feed, ~31 per post (comments vary)
  const perPost = 33;
  const posts = Math.max(3, Math.round((elements - 140) / perPost));
  for (let i = 0; i < posts; i++) {
    const name = `${pick(r, FIRST)} ${pick(r, LAST)}`;
    const pid = 7000 + i * 13 + Math.floor(r() * 10);
    const comments = 1 + Math.floor(r() * 3);
    let commentsHtml = '';
    for (let c = 0; c < comments; c++) {
      commentsHtml += `<li class="${cls('Comment_item')}"><a href="/in/${pick(r, FIRST).toLowerCase()}-${pick(r, LAST).toLowerCase()}" class="${cls('Comment_author')}">${esc(pick(r, FIRST))} ${esc(pick(r, LAST))}</a>
<span class="${cls('Comment_text')}">${esc(sentence(r, 4))}</span> <button type="button" class="${cls('Comment_like')}">Like</button> <button type="button" class="${cls('Comment_reply')}">Reply</button></li>`;
    }
    parts.push(`<article class="${cls('Post_root')}" data-urn="urn:post:${pid}">
<div class="${cls('Post_header')}"><a href="/in/${esc(name.toLowerCase().replace(/ /g, '-'))}" class="${cls('Post_author')}"><span class="${cls('Post_authorName')}">${esc(name)}</span></a>
<span class="meta ${cls('Post_headline')}">${esc(pick(r, ROLES))} at ${esc(pick(r, COMPANIES))}</span> <span class="meta">${1 + Math.floor(r() * 23)}h</span>
<button type="button" class="${cls('Post_follow')}" aria-label="Follow ${esc(name)}">+ Follow</button>
<button type="button" class="${cls('Post_menu')}" aria-label="Open control menu for post by ${esc(name)}">…</button></div>
<div class="${cls('Post_body')}"><p>${esc(sentence(r, 12))}</p><p>${esc(sentence(r, 8))} <a href="/hashtag/${pick(r, WORDS)}">#${pick(r, WORDS)}</a></p></div>
<div class="${cls('Post_counts')} meta"><span>${Math.floor(r() * 300)} reactions</span> · <button type="button" class="${cls('Post_commentCount')}">${comments} comments</button></div>
<div class="actions ${cls('Post_actions')}"><button type="button" class="${cls('Post_action')}" aria-pressed="false">Like</button><button type="button" class="${cls('Post_action')}">Comment</button><button type="button" class="${cls('Post_action')}">Repost</button><button type="button" class="${cls('Post_action')}">Send</button></div>
<ul class="${cls('Comment_list')}">${commentsHtml}</ul>
<form class="${cls('Comment_form')}"><input type="text" name="comment" placeholder="Add a comment…" class="${cls('Comment_input')}"><button type="submit" class="${cls('Comment_submit')}">Post</button></form>
</article>`);
  }
  parts.push(
    `</main><aside class="${cls('Sidebar_right')}" aria-label="Suggestions"><section class="${cls('Suggest_card')}"><h2 style="font-size:15px">Add to your feed</h2><ul class="${cls('Suggest_list')}">`,
  );
  for (let i = 0; i < 5; i++) {
    const name = `${pick(r, FIRST)} ${pick(r, LAST)}`;
    parts.push(
      `<li class="${cls('Suggest_item')}"><a href="/in/${esc(name.toLowerCase().replace(/ /g, '-'))}" class="${cls('Suggest_name')}">${esc(name)}</a><div class="meta">${esc(pick(r, ROLES))}</div><button type="button" class="${cls('Suggest_follow')}">+ Follow</button></li>`,
    );
  }
  parts.push(`</ul><a href="/mynetwork/suggestions" class="${cls('Suggest_all')}">View all recommendations</a></section></aside></div>
<footer class="${cls('Footer_root')}"><a href="/about">About</a> · <a href="/accessibility">Accessibility</a> · <a href="/help">Help Center</a> · <a href="/privacy">Privacy &amp; Terms</a></footer></body></html>`);
  return parts.join('\n');
}

/** A settings page with several sections, each with its own identical "Save" and "Cancel" buttons. */
export function settingsPage(seed = 5): string {
  const r = prng(seed);
  const cls = classNamer(seed * 11 + 1);
  const sections: [string, string[]][] = [
    ['Account preferences', ['Display name', 'Language', 'Time zone']],
    ['Sign in & security', ['Email address', 'Phone number', 'Password']],
    ['Visibility', ['Profile viewing options', 'Who can see your connections', 'Show last name']],
    ['Data privacy', ['Download your data', 'Search history', 'Ad preferences']],
    ['Notifications', ['Email frequency', 'Push notifications', 'Mentions by others']],
  ];
  const parts: string[] = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Settings | Netzwerk</title><style>${STYLE} label{display:block;margin:6px 0}</style></head><body>`,
    `<header class="${cls('Header_root')}"><a href="/feed">Netzwerk</a><nav aria-label="Settings"><ul>${sections
      .map(
        ([s]) =>
          `<li><a href="#${s.toLowerCase().replace(/[^a-z]+/g, '-')}" class="${cls('SideNav_link')}">${esc(s)}</a></li>`,
      )
      .join('')}</ul></nav></header><main class="${cls('Settings_main')}" style="max-width:640px;margin:16px auto">`,
  ];
  let n = 0;
  for (const [title, fields] of sections) {
    const sid = title.toLowerCase().replace(/[^a-z]+/g, '-');
    parts.push(
      `<section class="card ${cls('Settings_section')}" aria-labelledby="h-${sid}"><h2 id="h-${sid}" style="font-size:16px">${esc(title)}</h2><form class="${cls('Settings_form')}">`,
    );
    for (const f of fields) {
      n++;
      const fid = `f${n}-${hash(r, 3)}`;
      if (r() < 0.3) {
        parts.push(
          `<label class="${cls('Settings_toggle')}"><input type="checkbox" id="${fid}" ${r() < 0.5 ? 'checked' : ''}> ${esc(f)}</label>`,
        );
      } else if (r() < 0.5) {
        parts.push(
          `<label for="${fid}">${esc(f)}</label><select id="${fid}" class="${cls('Settings_select')}"><option>Everyone</option><option>Connections only</option><option>Only me</option></select>`,
        );
      } else {
        parts.push(
          `<label for="${fid}">${esc(f)}</label><input id="${fid}" type="text" class="${cls('Settings_input')}" placeholder="${esc(f)}">`,
        );
      }
    }
    parts.push(
      `<div class="actions"><button type="submit" class="${cls('Btn_primary')}">Save</button><button type="reset" class="${cls('Btn_secondary')}">Cancel</button><a href="/help/${sid}" class="${cls('Help_link')}">Learn more</a></div></form></section>`,
    );
  }
  parts.push(`</main></body></html>`);
  return parts.join('\n');
}
