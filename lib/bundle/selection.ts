import { z } from 'zod';

/** What a bundle carries: any selection of records (ids), or everything for a full backup. */
export const BundleSelectionSchema = z.object({
  walkthroughIds: z.array(z.string().uuid()).default([]),
  questionIds: z.array(z.string().uuid()).default([]),
  goalIds: z.array(z.string().uuid()).default([]),
  meetingIds: z.array(z.string().uuid()).default([]),
  /** full backup: every table, settings included */
  everything: z.boolean().default(false),
});
export type BundleSelection = z.input<typeof BundleSelectionSchema>;
