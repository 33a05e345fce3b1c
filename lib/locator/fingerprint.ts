import { z } from 'zod';

/**
 * ElementFingerprint: everything we record about a target element so it can be found again after the
 * site changed. Plain JSON, versioned, documented field by field in lib/locator/README.md.
 * Every field except `v` and `tag` is optional: `rank` compares only what the target actually has.
 */
export const FINGERPRINT_VERSION = 1 as const;

const Text = z.string().max(400);

export const RectSchema = z.object({
  /** left/top/width/height as fractions of the viewport (0..1, may exceed when off-screen) */
  x: z.number(),
  y: z.number(),
  w: z.number(),
  h: z.number(),
});

export const AncestorSchema = z.object({
  tag: z.string().max(64),
  role: z.string().max(64).optional(),
  id: z.string().max(200).optional(),
  classes: z.array(z.string().max(100)).max(20).optional(),
  testId: z.string().max(200).optional(),
});

export const ElementFingerprintSchema = z.object({
  v: z.literal(FINGERPRINT_VERSION),
  tag: z.string().min(1).max(64),
  role: z.string().max(64).optional(),
  /** accessible name, normalised (whitespace collapsed, digits masked, capped) */
  name: Text.optional(),
  /** visible text (innerText-like), normalised */
  text: Text.optional(),
  /** text of the element's own text nodes only */
  directText: Text.optional(),
  id: z.string().max(200).optional(),
  /** the id looks generated (ember123, :r1:, uuid-like); compare it with low weight */
  idGenerated: z.boolean().optional(),
  attrs: z
    .object({
      name: Text.optional(),
      type: z.string().max(64).optional(),
      placeholder: Text.optional(),
      ariaLabel: Text.optional(),
      title: Text.optional(),
      alt: Text.optional(),
      testId: Text.optional(),
    })
    .optional(),
  href: z
    .object({ path: z.string().max(1000), queryKeys: z.array(z.string().max(100)).max(50) })
    .optional(),
  classes: z
    .object({
      stable: z.array(z.string().max(100)).max(50),
      hashed: z.array(z.string().max(100)).max(50),
    })
    .optional(),
  label: Text.optional(),
  heading: Text.optional(),
  landmark: Text.optional(),
  neighbours: z.array(Text).max(12).optional(),
  ancestors: z.array(AncestorSchema).max(8).optional(),
  rect: RectSchema.optional(),
  viewport: z.object({ w: z.number().positive(), h: z.number().positive() }).optional(),
  /** CSS selectors of the same-origin iframes from the top document down to the element's document */
  framePath: z.array(z.string().max(1000)).max(10).optional(),
  /** CSS selectors of the open shadow hosts from the document down to the element's root */
  shadowHosts: z.array(z.string().max(1000)).max(10).optional(),
  selectors: z
    .object({
      css: z.string().max(2000).optional(),
      role: z.object({ role: z.string().max(64), name: Text }).optional(),
    })
    .optional(),
});

export type ElementFingerprint = z.infer<typeof ElementFingerprintSchema>;
