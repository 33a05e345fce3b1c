/**
 * Which side of the element the card goes: the first of bottom, top, right, left where it fits on
 * screen and is not under the mouse pointer (a card appearing under the pointer makes the page see the
 * pointer leave its element — a menu that opens on hover would close). Pure, unit-tested; floating-ui
 * then computes the exact position and the arrow for the chosen side.
 */
export type Side = 'bottom' | 'top' | 'right' | 'left';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const SIDES: readonly Side[] = ['bottom', 'top', 'right', 'left'];
const ORDER = SIDES;

/** The card's box on a side, kept inside the viewport along the side's edge. */
export function cardBox(
  side: Side,
  ref: Box,
  card: { width: number; height: number },
  view: { width: number; height: number },
  gap: number,
  pad: number,
): Box {
  const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(v, Math.max(min, max)));
  switch (side) {
    case 'bottom':
    case 'top': {
      const x = clamp(ref.x + ref.width / 2 - card.width / 2, pad, view.width - pad - card.width);
      const y = side === 'bottom' ? ref.y + ref.height + gap : ref.y - gap - card.height;
      return { x, y, width: card.width, height: card.height };
    }
    case 'right':
    case 'left': {
      const y = clamp(ref.y + ref.height / 2 - card.height / 2, pad, view.height - pad - card.height);
      const x = side === 'right' ? ref.x + ref.width + gap : ref.x - gap - card.width;
      return { x, y, width: card.width, height: card.height };
    }
  }
}

export const fits = (b: Box, view: { width: number; height: number }, pad: number): boolean =>
  b.x >= pad && b.y >= pad && b.x + b.width <= view.width - pad && b.y + b.height <= view.height - pad;

const contains = (b: Box, p: { x: number; y: number }, margin: number) =>
  p.x >= b.x - margin && p.x <= b.x + b.width + margin && p.y >= b.y - margin && p.y <= b.y + b.height + margin;

/** Free space on a side (for the case that the card fits nowhere). */
function room(side: Side, ref: Box, view: { width: number; height: number }): number {
  switch (side) {
    case 'bottom':
      return view.height - (ref.y + ref.height);
    case 'top':
      return ref.y;
    case 'right':
      return view.width - (ref.x + ref.width);
    case 'left':
      return ref.x;
  }
}

export function chooseSide(
  ref: Box,
  card: { width: number; height: number },
  view: { width: number; height: number },
  pointer: { x: number; y: number } | null,
  gap = 16,
  pad = 12,
): Side {
  const fitting = ORDER.filter((s) => fits(cardBox(s, ref, card, view, gap, pad), view, pad));
  const free = pointer ? fitting.find((s) => !contains(cardBox(s, ref, card, view, gap, pad), pointer, 8)) : fitting[0];
  if (free) return free;
  if (fitting[0]) return fitting[0];
  // fits nowhere: the side with the most room; the card is then kept on screen (it may cover the element)
  return [...ORDER].sort((a, b) => room(b, ref, view) - room(a, ref, view))[0]!;
}
