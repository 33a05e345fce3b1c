import { describe, expect, it } from 'vitest';
import { cardBox, chooseSide } from '~/lib/player/placement';

const view = { width: 1280, height: 800 };
const card = { width: 400, height: 300 };

describe('where the card goes', () => {
  it('below the element when there is room', () => {
    expect(chooseSide({ x: 100, y: 100, width: 80, height: 40 }, card, view, null)).toBe('bottom');
  });
  it('above when the bottom is too close, beside when neither fits', () => {
    expect(chooseSide({ x: 100, y: 600, width: 80, height: 40 }, card, view, null)).toBe('top');
    const tall = { width: 400, height: 400 };
    expect(chooseSide({ x: 300, y: 380, width: 80, height: 40 }, tall, view, null)).toBe('right');
    expect(chooseSide({ x: 1100, y: 380, width: 80, height: 40 }, tall, view, null)).toBe('left');
  });
  it('not under the mouse pointer (a hover menu would close)', () => {
    const ref = { x: 100, y: 100, width: 80, height: 40 };
    const under = cardBox('bottom', ref, card, view, 16, 12);
    expect(chooseSide(ref, card, view, { x: under.x + 50, y: under.y + 50 })).toBe('right');
    // but on screen wins over the pointer
    const narrow = { width: 520, height: 800 };
    const only = cardBox('bottom', { x: 100, y: 300, width: 80, height: 40 }, card, narrow, 16, 12);
    expect(
      chooseSide({ x: 100, y: 300, width: 80, height: 40 }, card, narrow, { x: only.x + 10, y: only.y + 10 }),
    ).toBe('bottom');
  });
  it('fits nowhere: the side with the most room', () => {
    expect(chooseSide({ x: 10, y: 10, width: 1200, height: 700 }, card, view, null)).toBe('bottom');
    expect(chooseSide({ x: 10, y: 90, width: 1200, height: 700 }, card, view, null)).toBe('top');
  });
  it('keeps the card inside the viewport along the edge', () => {
    expect(cardBox('bottom', { x: 0, y: 0, width: 20, height: 20 }, card, view, 16, 12).x).toBe(12);
    expect(cardBox('right', { x: 100, y: 780, width: 20, height: 20 }, card, view, 16, 12).y).toBe(800 - 12 - 300);
  });
});
