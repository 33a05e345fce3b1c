import { z } from 'zod';
import { FINGERPRINT_VERSION } from './version';

/**
 * ElementFingerprint: everything we record about a target element so it can be found again after the
 * site changed. Plain JSON, versioned, documented field by field in lib/locator/README.md.
 * Every field except `v` and `tag` is optional: `rank` compares only what the target actually has.
 * Strings are normalised (whitespace collapsed, digit runs masked as `#`, NFKC) and capped.
 * Input values are never recorded.
 */
export { FINGERPRINT_VERSION };

const Text = z.string().max(400);

export const RectSchema = z.object({
  /** left/top of the border box in document coordinates (scroll added) and width/height, each as a
   *  fraction of the viewport width (x, w) or height (y, h); y may exceed 1 below the fold */
  x: z.number(),
  y: z.number(),
  w: z.number(),
  h: z.number(),
});

export const AncestorSchema = z.object({
  tag: z.string().max(64),
  /** explicit role attribute */
  role: z.string().max(64).optional(),
  /** id, only when it does not look generated */
  id: z.string().max(200).optional(),
  /** stable (not hashed-looking) classes, stems of CSS-modules names as `Stem*` */
  classes: z.array(z.string().max(100)).max(20).optional(),
  testId: z.string().max(200).optional(),
});

export const ElementFingerprintSchema = z.object({
  v: z.literal(FINGERPRINT_VERSION),
  /** lower-case tag name (`localName`) */
  tag: z.string().min(1).max(64),
  /** ARIA role (explicit, else implicit; `generic`/`none`/`presentation` left out) */
  role: z.string().max(64).optional(),
  /** accessible name (dom-accessibility-api), normalised; '' = the element has no name (a fact) */
  name: Text.optional(),
  /** visible text of the subtree (bounded read, script/style/hidden skipped), normalised */
  text: Text.optional(),
  /** text of the element's own text nodes only */
  directText: Text.optional(),
  id: z.string().max(200).optional(),
  /** the id looks generated (ember123, :r1:, uuid-like); compared with low weight */
  idGenerated: z.boolean().optional(),
  attrs: z
    .object({
      name: Text.optional(),
      type: z.string().max(64).optional(),
      placeholder: Text.optional(),
      ariaLabel: Text.optional(),
      title: Text.optional(),
      alt: Text.optional(),
      /** data-testid / data-test-id / data-test / data-qa / data-cy / data-automation-id */
      testId: Text.optional(),
    })
    .optional(),
  /** normalised href: path (host + path for other origins, hash routes kept), sorted query keys only */
  href: z.object({ path: z.string().max(1000), queryKeys: z.array(z.string().max(100)).max(50) }).optional(),
  classes: z
    .object({
      stable: z.array(z.string().max(100)).max(50),
      hashed: z.array(z.string().max(100)).max(50),
    })
    .optional(),
  /** text of the <label>s of a form control, else of aria-labelledby */
  label: Text.optional(),
  /** nearest heading before the element in document order; '' = none */
  heading: Text.optional(),
  /** closest landmark / dialog / named region as `role` or `role: name`; '' = none */
  landmark: Text.optional(),
  /** text snippets around the element, nearest first (siblings, then the parent's siblings, …) */
  neighbours: z.array(Text).max(12).optional(),
  /** DOM level of each neighbour snippet (0: a sibling, 1: a sibling of the parent, …), same length */
  neighbourDepth: z.array(z.number().int().min(0).max(20)).max(12).optional(),
  /** up to 6 ancestors, nearest first, layout wrappers (anonymous single-child elements) skipped */
  ancestors: z.array(AncestorSchema).max(8).optional(),
  rect: RectSchema.optional(),
  /** viewport size in CSS px when recorded */
  viewport: z.object({ w: z.number().positive(), h: z.number().positive() }).optional(),
  /** CSS selectors of the same-origin iframes from the top document down to the element's document */
  framePath: z.array(z.string().max(1000)).max(10).optional(),
  /** CSS selectors of the open shadow hosts from the document down to the element's root */
  shadowHosts: z.array(z.string().max(1000)).max(10).optional(),
  /** ready selectors, fast paths only (never trusted without scoring) */
  selectors: z
    .object({
      /** unique CSS selector in the element's root (document or shadow root), from @medv/finder */
      css: z.string().max(2000).optional(),
      /** role + accessible name, e.g. for Playwright's getByRole */
      role: z.object({ role: z.string().max(64), name: Text }).optional(),
    })
    .optional(),
});

export type ElementFingerprint = z.infer<typeof ElementFingerprintSchema>;
