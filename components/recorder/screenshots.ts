import { useEffect, useState } from 'react';
import { getDb } from '~/lib/db';
import type { Step } from '~/lib/schema';

/** An object URL for a stored screenshot (revoked when the component goes). */
export function useScreenshotUrl(id: string | undefined): { url: string; width: number; height: number } | undefined {
  const [v, setV] = useState<{ url: string; width: number; height: number }>();
  useEffect(() => {
    if (!id) {
      setV(undefined);
      return;
    }
    let url: string | undefined;
    let alive = true;
    void getDb()
      .screenshots.get(id)
      .then((s) => {
        if (!alive || !s) return;
        url = URL.createObjectURL(s.blob);
        setV({ url, width: s.width, height: s.height });
      });
    return () => {
      alive = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [id]);
  return v;
}

/**
 * Burn blur rectangles into a screenshot (pixelated, then covered): exported and printed guides must
 * never contain what was blurred. Runs before the save transaction.
 */
export async function burnBlur(blob: Blob, rects: Step['blurRects']): Promise<{ blob: Blob; width: number; height: number }> {
  const bmp = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bmp.width, bmp.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bmp, 0, 0);
  for (const r of rects) {
    const x = Math.floor(r.x * bmp.width);
    const y = Math.floor(r.y * bmp.height);
    const w = Math.ceil(r.w * bmp.width);
    const h = Math.ceil(r.h * bmp.height);
    if (w < 1 || h < 1) continue;
    // pixelate: draw the area tiny, then scaled up without smoothing
    const tiny = new OffscreenCanvas(Math.max(1, Math.round(w / 14)), Math.max(1, Math.round(h / 14)));
    const tctx = tiny.getContext('2d')!;
    tctx.drawImage(canvas, x, y, w, h, 0, 0, tiny.width, tiny.height);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(tiny, 0, 0, tiny.width, tiny.height, x, y, w, h);
    ctx.imageSmoothingEnabled = true;
    ctx.fillStyle = 'rgba(223, 228, 234, 0.55)';
    ctx.fillRect(x, y, w, h);
  }
  bmp.close();
  const out = await canvas.convertToBlob({ type: 'image/webp', quality: 0.8 });
  return { blob: out, width: canvas.width, height: canvas.height };
}
