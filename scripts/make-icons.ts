/**
 * Draws the Lotse mark (compass rose in a blue disc) as PNG icons into public/icon/. Run once when the
 * mark changes: `npx tsx scripts/make-icons.ts`. No image tooling needed: plain pixels + zlib.
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

type RGBA = [number, number, number, number];
const BLUE: RGBA = [11, 92, 173, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const AMBER: RGBA = [242, 169, 0, 255];

/** Colour of the mark at a point of the unit square (0..32 coordinates as in components/ui.tsx). */
function sample(x: number, y: number): RGBA | null {
  const dx = x - 16;
  const dy = y - 16;
  if (dx * dx + dy * dy > 15 * 15) return null;
  if (dx * dx + dy * dy <= 2 * 2) return BLUE;
  // needle: diamond from (16,5) to (16,27), half width 3 at y=16
  const half = 3 * (1 - Math.abs(dy) / 11);
  if (Math.abs(dy) <= 11 && Math.abs(dx) <= half) return dy < 0 ? AMBER : WHITE; // north half amber
  return BLUE;
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size: number): Buffer {
  const ss = 4; // supersampling for smooth edges
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = sample(((px + (sx + 0.5) / ss) / size) * 32, ((py + (sy + 0.5) / ss) / size) * 32);
          if (c) for (let i = 0; i < 3; i++) acc[i]! += c[i]! * c[3];
          if (c) acc[3]! += c[3];
        }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const a = acc[3]! / (ss * ss);
      for (let i = 0; i < 3; i++) raw[o + i] = acc[3]! ? Math.round(acc[i]! / acc[3]!) : 0;
      raw[o + 3] = Math.round(a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, png(size));
console.log('icons written to public/icon/');
