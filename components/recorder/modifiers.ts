import type { Modifier } from '@dnd-kit/core';

/** Steps move up and down only (the list is one column); @dnd-kit/modifiers is not needed for this. */
export const restrictToVerticalAxis: Modifier = ({ transform }) => ({ ...transform, x: 0 });
