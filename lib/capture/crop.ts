/**
 * Crop a captured tab image around a target, outline the target and mask rectangles (input contents),
 * then encode it small. Runs in the background service worker (OffscreenCanvas + createImageBitmap).
 * All rectangles are CSS pixels of the viewport; `scale` is devicePixelRatio of the capture.
 */
export interface CssRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface CropOptions {
  target?: CssRect;
  /** rectangles to cover (typed input values unless the mentor opted in, manual blur areas) */
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

/** The crop window: the target with generous context, clamped to the viewport. Pure, unit-tested. */
export function cropWindow(target: CssRect | undefined, viewport: { w: number; h: number }, max = { w: 640, h: 400 }): CssRect {
  const w = Math.min(max.w, viewport.w);
  const h = Math.min(max.h, viewport.h);
  if (!target) return { x: 0, y: 0, w, h };
  const cx = target.x + target.w / 2;
  const cy = target.y + target.h / 2;
  const x = Math.max(0, Math.min(viewport.w - w, cx - w / 2));
  const y = Math.max(0, Math.min(viewport.h - h, cy - h / 2));
  return { x, y, w, h };
}

export async function cropCapture(source: Blob, opts: CropOptions): Promise<CroppedImage> {
  const bitmap = await createImageBitmap(source);
  const scale = bitmap.width / opts.viewport.w;
  const win = cropWindow(opts.target, opts.viewport, { w: opts.maxWidth ?? 640, h: opts.maxHeight ?? 400 });
  // Output in CSS pixels (scale 1): small files, enough detail for a step thumbnail.
  const canvas = new OffscreenCanvas(Math.round(win.w), Math.round(win.h));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.drawImage(bitmap, win.x * scale, win.y * scale, win.w * scale, win.h * scale, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  for (const m of opts.masks ?? []) {
    ctx.fillStyle = '#d5dbe3';
    ctx.fillRect(m.x - win.x, m.y - win.y, m.w, m.h);
    ctx.fillStyle = '#8a97a6';
    const lineY = m.y - win.y + m.h / 2;
    ctx.fillRect(m.x - win.x + 8, lineY - 2, Math.max(0, Math.min(m.w - 16, 120)), 4);
  }
  if (opts.target && opts.outline !== false) {
    ctx.strokeStyle = '#f2a900';
    ctx.lineWidth = 3;
    ctx.strokeRect(opts.target.x - win.x - 3, opts.target.y - win.y - 3, opts.target.w + 6, opts.target.h + 6);
  }
  const mime = opts.mime ?? 'image/webp';
  const blob = await canvas.convertToBlob({ type: mime, quality: opts.quality ?? 0.72 });
  return { blob, width: canvas.width, height: canvas.height, mime: blob.type === 'image/jpeg' ? 'image/jpeg' : 'image/webp' };
}
