import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineMessages } from '~/lib/messages/define';
import { classifySender, dispatch, targetTab, type SenderContext } from '~/lib/messages/receiver';
import { LotseError } from '~/lib/messages/errors';
import { toBackground, toContent } from '~/lib/messages/protocol';

const map = defineMessages({
  'test.add': {
    request: z.object({ a: z.number(), b: z.number() }),
    response: z.object({ sum: z.number() }),
    from: ['content', 'extension'],
  },
  'test.adminOnly': { request: z.object({}), response: z.object({}), from: ['extension'] },
  'test.badAnswer': { request: z.object({}), response: z.object({ n: z.number() }), from: ['extension'] },
  'test.throws': { request: z.object({}), response: z.object({}), from: ['extension'] },
});
const handlers = {
  'test.add': ({ a, b }: { a: number; b: number }) => ({ sum: a + b }),
  'test.adminOnly': () => ({}),
  'test.badAnswer': () => ({ n: 'nope' }) as unknown as { n: number },
  'test.throws': () => {
    throw new LotseError('not-found', 'gone');
  },
};
const content: SenderContext = { kind: 'content', tabId: 7, frameId: 0, url: 'https://example.org/' };
const page: SenderContext = { kind: 'extension', url: 'chrome-extension://abc/sidepanel.html' };

describe('message receiver', () => {
  it('answers a valid message', async () => {
    expect(await dispatch(map, handlers, { lotse: 1, name: 'test.add', payload: { a: 2, b: 3 } }, content)).toEqual({
      ok: true,
      data: { sum: 5 },
    });
  });

  it.each([
    ['not an object', 'hello', 'invalid-request'],
    ['look-alike without version', { type: 'lotse', name: 'test.add' }, 'invalid-request'],
    ['unknown name', { lotse: 1, name: 'test.nope', payload: {} }, 'unknown-message'],
    ['prototype name', { lotse: 1, name: '__proto__', payload: {} }, 'unknown-message'],
    ['constructor name', { lotse: 1, name: 'constructor', payload: {} }, 'unknown-message'],
    ['bad payload', { lotse: 1, name: 'test.add', payload: { a: '2', b: 3 } }, 'invalid-request'],
    ['missing payload', { lotse: 1, name: 'test.add' }, 'invalid-request'],
  ])('rejects %s with a typed error', async (_label, raw, code) => {
    const reply = await dispatch(map, handlers, raw, content);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe(code);
  });

  it('refuses messages a content script may not send', async () => {
    const reply = await dispatch(map, handlers, { lotse: 1, name: 'test.adminOnly', payload: {} }, content);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(map, handlers, { lotse: 1, name: 'test.adminOnly', payload: {} }, page)).toEqual({ ok: true, data: {} });
  });

  it('refuses unknown senders', async () => {
    const reply = await dispatch(map, handlers, { lotse: 1, name: 'test.add', payload: { a: 1, b: 1 } }, undefined);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('validates answers and maps thrown errors', async () => {
    expect(await dispatch(map, handlers, { lotse: 1, name: 'test.badAnswer', payload: {} }, page)).toMatchObject({
      ok: false,
      error: { code: 'invalid-response' },
    });
    expect(await dispatch(map, handlers, { lotse: 1, name: 'test.throws', payload: {} }, page)).toMatchObject({
      ok: false,
      error: { code: 'not-found', detail: 'gone' },
    });
  });

  it('classifies senders from what the browser says, never from the message', () => {
    const origin = 'chrome-extension://abc/';
    expect(classifySender({ id: 'abc', url: 'chrome-extension://abc/popup.html' }, 'abc', origin)?.kind).toBe('extension');
    expect(classifySender({ id: 'abc', url: 'https://x.org/', tab: { id: 4 }, frameId: 0 }, 'abc', origin)).toEqual({
      kind: 'content',
      tabId: 4,
      frameId: 0,
      url: 'https://x.org/',
    });
    expect(classifySender({ id: 'other', url: 'https://x.org/', tab: { id: 4 } }, 'abc', origin)).toBeUndefined();
  });

  it('lets a content script act only on its own tab', () => {
    expect(targetTab(content, undefined)).toBe(7);
    expect(targetTab(content, 7)).toBe(7);
    expect(() => targetTab(content, 8)).toThrow(LotseError);
    expect(targetTab(page, 3)).toBe(3);
    expect(() => targetTab(page, undefined)).toThrow(LotseError);
  });

  it('has unique message names with request and response schemas', () => {
    for (const map of [toBackground, toContent]) {
      for (const [name, def] of Object.entries(map)) {
        expect(name).toMatch(/^[a-z]+\.[A-Za-z]+$/);
        expect(def.request).toBeInstanceOf(z.ZodType);
        expect(def.response).toBeInstanceOf(z.ZodType);
        expect(def.from.length).toBeGreaterThan(0);
      }
    }
  });
});
