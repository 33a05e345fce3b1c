import type { Step } from '~/lib/schema';

/** Small inline icons (no emoji: not every system has a colour emoji font). */
const PATHS: Record<Step['action']['type'] | 'print', string> = {
  click: 'M9 3v7.6L7.3 9.2a1.3 1.3 0 0 0-1.9 1.8l4.4 5A3.5 3.5 0 0 0 12.4 17H15a3 3 0 0 0 3-3V9.5a1.3 1.3 0 0 0-2.6 0V9a1.3 1.3 0 0 0-2.6 0v-.5a1.3 1.3 0 0 0-2.6 0V3a1.3 1.3 0 0 0-2.6 0z',
  input: 'M3 6h14v8H3zm2 2v4h10V8zm1 1h1v2H6z',
  select: 'M3 5h14v3H3zm0 5h14v5H3zm10-4.5 1.5 1.5L16 5.5z',
  check: 'M4 4h12v12H4zm2 2v8h8V6zm1 4 1.5-1.5L10 10l3-3 1.5 1.5L10 13z',
  submit: 'M3 10 17 3l-3 14-4-5-4 2 1-4z',
  navigate: 'M10 3 17 10l-7 7-1.4-1.4 4.6-4.6H3V9h10.2L8.6 4.4z',
  'new-tab': 'M11 3h6v6h-2V6.4l-5.3 5.3-1.4-1.4L13.6 5H11zM3 5h6v2H5v8h8v-4h2v6H3z',
  tip: 'M10 2a5.5 5.5 0 0 0-3.2 10V14h6.4v-2A5.5 5.5 0 0 0 10 2zM7 15.5h6V17H7zm1 2.5h4v1H8z',
  print: 'M5 2h10v4H5zM3 7h14a1 1 0 0 1 1 1v6h-3v4H5v-4H2V8a1 1 0 0 1 1-1zm4 6v3h6v-3z',
};

export function Icon({ name, size = 18 }: { name: keyof typeof PATHS; size?: number }) {
  return (
    <svg viewBox="0 0 20 20" width={size} height={size} aria-hidden="true" focusable="false" className="ed-icon-svg">
      <path d={PATHS[name]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
