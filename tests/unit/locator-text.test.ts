import { describe, expect, it } from 'vitest';
import {
  cap,
  classStem,
  collapse,
  fold,
  idWords,
  isGeneratedId,
  isHashedClass,
  isIdSegment,
  maskDigits,
  maskedSegments,
  normHref,
  normText,
  splitClasses,
  tokens,
} from '../../lib/locator/text';

describe('normalisation', () => {
  it('collapses whitespace including nbsp and zero-width characters', () => {
    expect(collapse('  Save\u00a0 \n changes\u200b ')).toBe('Save changes');
  });

  it('masks digit runs including separators', () => {
    expect(maskDigits('Messages (12)')).toBe('Messages (#)');
    expect(maskDigits('1.234 views at 12:30')).toBe('# views at #');
    expect(maskDigits('no digits')).toBe('no digits');
  });

  it('normText applies NFKC, collapses, masks digits and caps', () => {
    expect(normText('  Notifications\u00a0(3) ')).toBe('Notifications (#)');
    expect(normText('ﬁle')).toBe('file'); // NFKC ligature
    expect(normText('x'.repeat(500)).length).toBe(160);
    expect(normText(null)).toBe('');
  });

  it('cap never splits a surrogate pair', () => {
    const s = 'ab😀cd';
    expect(cap(s, 3)).toBe('ab');
    expect(cap(s, 4)).toBe('ab😀');
  });

  it('fold lower-cases and drops punctuation but keeps the digit mask', () => {
    expect(fold('Like!')).toBe('like');
    expect(fold('Save – changes…')).toBe('save changes');
    expect(fold('Messages (#)')).toBe('messages #');
    expect(tokens('Über uns')).toEqual(['über', 'uns']);
  });
});

describe('hashed class detection', () => {
  it.each([
    'css-1q2w3e',
    'css-kqzfbw',
    'sc-bdVaJa',
    '_3xK9a',
    '_qabce',
    'jsx-123456',
    'Button_root__3xK9a',
    'ms-kqzfbw',
    'feed-card-a8f3k2',
    'e-1a2b3c4',
  ])('%s is hashed', (c) => {
    expect(isHashedClass(c)).toBe(true);
  });

  it.each([
    'btn',
    'btn-primary',
    'mt-4',
    'col-md-6',
    'w-1/2',
    'w-[200px]',
    'navBarItem',
    'artdeco-button--muted',
    'feed-shared-update-v2',
    'h100',
    'active',
    'is-open',
    'md:flex',
  ])('%s is stable', (c) => {
    expect(isHashedClass(c)).toBe(false);
  });

  it('keeps the stable stem of CSS-modules names', () => {
    expect(classStem('Button_root__3xK9a')).toBe('Button_root');
    expect(classStem('feed-card-a8f3k2')).toBe('feed-card');
    expect(classStem('css-1q2w3e')).toBe('');
    expect(classStem('_3xK9a')).toBe('');
  });

  it('splits a class attribute into stable names (with stems) and hashed ones', () => {
    expect(splitClasses('btn Button_root__3xK9a css-1q2w3e btn')).toEqual({
      stable: ['btn', 'Button_root*'],
      hashed: ['Button_root__3xK9a', 'css-1q2w3e'],
    });
    expect(splitClasses(null)).toEqual({ stable: [], hashed: [] });
  });
});

describe('generated id detection', () => {
  it.each([
    ':r1:',
    ':R2a:',
    '«r5»',
    'ember123',
    'ember619',
    'radix-:r3:',
    'mui-12',
    'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
    'deadbeef0123',
    'post-1700000000123',
    '123abc',
    'el-x8Kd2q',
  ])('%s is generated', (id) => {
    expect(isGeneratedId(id)).toBe(true);
  });

  it.each(['main', 'search-input', 'ctl00_PlaceHolderMain_btnSubmit', 'profileName', 'h-visibility', 'global-nav'])(
    '%s is not generated',
    (id) => {
      expect(isGeneratedId(id)).toBe(false);
    },
  );

  it('splits identifiers into masked words', () => {
    expect(idWords('ctl00_PlaceHolderMain_btnSubmit')).toEqual(['ctl#', 'place', 'holder', 'main', 'btn', 'submit']);
  });
});

describe('href normalisation', () => {
  const base = 'https://kontakto.example/feed';

  it('keeps the path of same-origin links and the sorted query keys, never values', () => {
    expect(normHref('/jobs/view/123?refId=abc&trk=x&trk=y', base)).toEqual({
      path: '/jobs/view/123',
      queryKeys: ['refId', 'trk'],
    });
  });

  it('prefixes the host of other origins and keeps hash routes', () => {
    expect(normHref('https://help.example/a/b', base)).toEqual({ path: 'help.example/a/b', queryKeys: [] });
    expect(normHref('#/settings', base)?.path).toBe('/feed#/settings');
    expect(normHref('#section-2', base)?.path).toBe('#section-2');
  });

  it('drops javascript: and keeps only the scheme of mailto:', () => {
    expect(normHref('javascript:void(0)', base)).toBeNull();
    expect(normHref('mailto:someone@example.org', base)).toEqual({ path: 'mailto:', queryKeys: [] });
    expect(normHref('', base)).toBeNull();
  });

  it('masks id-like path segments for comparison', () => {
    expect(isIdSegment('123')).toBe(true);
    expect(isIdSegment('a1b2c3d4e5f6a7b8')).toBe(true);
    expect(isIdSegment('jobs')).toBe(false);
    expect(maskedSegments('/in/lena-wagner/post/7301843377001')).toEqual(['in', 'lena-wagner', 'post', '*']);
  });
});
