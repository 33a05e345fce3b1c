/**
 * Crop a captured tab image around a target, outline the target and mask rectangles (input contents),
 * then encode it small. Runs in the background service worker (OffscreenCanvas + createImageBitmap).
 * All rectangles are CSS pixels of the viewport; the capture's scale (devicePixelRatio) is derived from
 * the bitmap width.
 */
export interface CssRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface CropOptions {
  target?: CssRect | undefined;
  /** rectangles to cover (typed input values unless the mentor opted in, typed text shown on the page) */
  masks?: CssRect[];
  viewport: { w: number; h: number };
  /** output size limit in CSS pixels */
  maxWidth?: number;
  maxHeight?: number;
  outline?: boolean;
  mime?: 'image/webp' | 'image/jpeg';
  quality?: number;
}

export interface CroppedImage {
  blob: Blob;
  width: number;
  height: number;
  mime: 'image/webp' | 'image/jpeg';
}

/** the default crop: enough context to recognise the place, small enough for ≤ 60 KB */
export const CROP_MAX = { w: 640, h: 400 } as const;
/** breathing room around a large target */
const PAD = 24;
/** mask colours: a calm grey field with a darker bar, like a redacted line */
export const MASK_FILL = '#dfe4ea';
export const MASK_BAR = '#9aa6b2';

/**
 * The crop window: the target centred with generous context, clamped to the viewport. A target larger
 * than the default window gets a larger window (scaled down on output). Pure, unit-tested.
 */
export function cropWindow(
  target: CssRect | undefined,
  viewport: { w: number; h: number },
  max: { w: number; h: number } = CROP_MAX,
): CssRect {
  let w = Math.min(max.w, viewport.w);
  let h = Math.min(max.h, viewport.h);
  if (!target) return { x: 0, y: 0, w, h };
  // grow to the target (plus padding), keeping the aspect ratio of the default window
  const needW = Math.min(viewport.w, target.w + 2 * PAD);
  const needH = Math.min(viewport.h, target.h + 2 * PAD);
  const grow = Math.max(1, needW / w, needH / h);
  if (grow > 1) {
    w = Math.min(viewport.w, w * grow);
    h = Math.min(viewport.h, h * grow);
  }
  const cx = target.x + target.w / 2;
  const cy = target.y + target.h / 2;
  const x = Math.max(0, Math.min(viewport.w - w, cx - w / 2));
  const y = Math.max(0, Math.min(viewport.h - h, cy - h / 2));
  return { x, y, w, h };
}

/** Output size for a window: at most `max` (CSS px), aspect kept, never upscaled. */
export function outputSize(win: CssRect, max: { w: number; h: number } = CROP_MAX): { w: number; h: number; k: number } {
  const k = Math.min(1, max.w / win.w, max.h / win.h);
  return { w: Math.max(1, Math.round(win.w * k)), h: Math.max(1, Math.round(win.h * k)), k };
}

/** intersect a rect with the window; undefined when they do not overlap */
export function clip(r: CssRect, win: CssRect): CssRect | undefined {
  const x1 = Math.max(r.x, win.x);
  const y1 = Math.max(r.y, win.y);
  const x2 = Math.min(r.x + r.w, win.x + win.w);
  const y2 = Math.min(r.y + r.h, win.y + win.h);
  if (x2 <= x1 || y2 <= y1) return undefined;
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
}

export async function cropCapture(source: Blob, opts: CropOptions): Promise<CroppedImage> {
  const bitmap = await createImageBitmap(source);
  const scale = bitmap.width / opts.viewport.w;
  const max = { w: opts.maxWidth ?? CROP_MAX.w, h: opts.maxHeight ?? CROP_MAX.h };
  const win = cropWindow(opts.target, opts.viewport, max);
  const out = outputSize(win, max);
  const canvas = new OffscreenCanvas(out.w, out.h);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, win.x * scale, win.y * scale, win.w * scale, win.h * scale, 0, 0, out.w, out.h);
  bitmap.close();
  // window CSS px → output px
  const map = (r: CssRect): CssRect => ({ x: (r.x - win.x) * out.k, y: (r.y - win.y) * out.k, w: r.w * out.k, h: r.h * out.k });
  for (const m of opts.masks ?? []) {
    const c = clip(m, win);
    if (!c) continue;
    // whole pixels, one pixel larger on each side: anti-aliased edges of text never peek out
    const r = map(c);
    const x = Math.floor(r.x) - 1;
    const y = Math.floor(r.y) - 1;
    const w = Math.ceil(r.x + r.w) + 1 - x;
    const hh = Math.ceil(r.y + r.h) + 1 - y;
    ctx.fillStyle = MASK_FILL;
    ctx.fillRect(x, y, w, hh);
    if (hh >= 10 && w >= 24) {
      ctx.fillStyle = MASK_BAR;
      const barH = Math.max(3, Math.min(6, Math.round(hh / 6)));
      ctx.fillRect(x + 6, y + Math.round(hh / 2 - barH / 2), Math.max(0, Math.min(w - 12, 140)), barH);
    }
  }
  if (opts.target && opts.outline !== false) {
    const r = map(opts.target);
    ctx.lineJoin = 'round';
    // dark halo under the accent line: visible on light and dark pages alike
    ctx.strokeStyle = 'rgba(27, 36, 48, 0.55)';
    ctx.lineWidth = 5;
    ctx.strokeRect(r.x - 4, r.y - 4, r.w + 8, r.h + 8);
    ctx.strokeStyle = '#f2a900';
    ctx.lineWidth = 3;
    ctx.strokeRect(r.x - 4, r.y - 4, r.w + 8, r.h + 8);
  }
  const mime = opts.mime ?? 'image/webp';
  const blob = await canvas.convertToBlob({ type: mime, quality: opts.quality ?? 0.75 });
  return { blob, width: canvas.width, height: canvas.height, mime: blob.type === 'image/jpeg' ? 'image/jpeg' : 'image/webp' };
}
