/**
 * The one schema module: every stored record, defined once in zod; TypeScript types are inferred.
 * Boundaries (messages, imports, migrations) call `.parse`/`.safeParse` on these.
 */
import { z } from 'zod';
import { ElementFingerprintSchema } from '../locator/fingerprint';

export { ElementFingerprintSchema, type ElementFingerprint } from '../locator/fingerprint';

export const Id = z.string().uuid();
export const IsoDateTime = z.string().datetime({ offset: true });
/** calendar date, YYYY-MM-DD */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const HttpUrl = z
  .string()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), { message: 'only http(s) addresses' });
export const Locale = z.enum(['de', 'en']);
export type Locale = z.infer<typeof Locale>;
export const Role = z.enum(['mentor', 'mentee']);
export type Role = z.infer<typeof Role>;

const Timestamps = {
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
};

/* ---------- Tandem, goals, meetings ---------- */

export const MeetingRhythm = z.object({
  every: z.enum(['weekly', 'biweekly', 'monthly']),
  durationMinutes: z.number().int().min(15).max(240),
  /** 0 = Sunday … 6 = Saturday */
  weekday: z.number().int().min(0).max(6).optional(),
  /** local time HH:MM */
  time: z.string().regex(/^\d{2}:\d{2}$/).optional(),
});
export type MeetingRhythm = z.infer<typeof MeetingRhythm>;

export const TandemSchema = z.object({
  id: Id,
  /** the role of the person using this browser */
  role: Role,
  myName: z.string().max(80).optional(),
  partnerName: z.string().max(80).optional(),
  programStart: IsoDate.optional(),
  programEnd: IsoDate.optional(),
  rhythm: MeetingRhythm,
  confidentiality: z.object({
    text: z.string().max(4000),
    acknowledgedAt: IsoDateTime.optional(),
  }),
  ...Timestamps,
});
export type Tandem = z.infer<typeof TandemSchema>;

export const GoalStatus = z.enum(['open', 'in-progress', 'done']);
export const GoalSchema = z.object({
  id: Id,
  tandemId: Id.optional(),
  title: z.string().min(1).max(200),
  description: z.string().max(4000).default(''),
  status: GoalStatus,
  dueDate: IsoDate.optional(),
  order: z.number(),
  ...Timestamps,
});
export type Goal = z.infer<typeof GoalSchema>;

export const AgendaItemSchema = z.object({
  id: Id,
  kind: z.enum(['question', 'step-health', 'goal', 'custom']),
  /** id of the question, step-health record or goal this item was built from */
  refId: Id.optional(),
  title: z.string().min(1).max(500),
  discussed: z.boolean(),
  notes: z.string().max(8000).default(''),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

export const ActionItemSchema = z.object({
  id: Id,
  owner: Role,
  text: z.string().min(1).max(1000),
  done: z.boolean(),
});
export type ActionItem = z.infer<typeof ActionItemSchema>;

export const MeetingSchema = z.object({
  id: Id,
  tandemId: Id.optional(),
  scheduledAt: IsoDateTime,
  durationMinutes: z.number().int().min(5).max(480),
  topic: z.string().max(200).default(''),
  goalId: Id.optional(),
  status: z.enum(['planned', 'held', 'cancelled']),
  agenda: z.array(AgendaItemSchema).max(500),
  actionItems: z.array(ActionItemSchema).max(500),
  /** free notes of the meeting; the minutes are built from agenda notes, action items and this */
  notes: z.string().max(20000).default(''),
  /** refs (question, step-health record, goal) the tandem removed from this agenda: not added again */
  removedRefs: z.array(Id).max(5000).optional(),
  heldAt: IsoDateTime.optional(),
  ...Timestamps,
});
export type Meeting = z.infer<typeof MeetingSchema>;

/* ---------- Walkthroughs and steps ---------- */

export const WalkthroughSchema = z.object({
  id: Id,
  title: z.string().min(1).max(200),
  description: z.string().max(4000).default(''),
  goalId: Id.optional(),
  /** free topic when no goal is linked */
  topic: z.string().max(200).default(''),
  /** only web pages: a javascript: or data: start URL must never be opened */
  startUrl: HttpUrl,
  language: Locale,
  estimatedMinutes: z.number().int().min(1).max(240).optional(),
  /** increases with every save; an imported higher version means "changed since you last played" */
  version: z.number().int().min(1),
  status: z.enum(['recording', 'draft', 'ready']),
  origin: z.enum(['local', 'imported']),
  importedAt: IsoDateTime.optional(),
  ...Timestamps,
});
export type Walkthrough = z.infer<typeof WalkthroughSchema>;

/** A step's action, one discriminated union (as puppeteer/replay does); exhaustive switches on `type`. */
export const StepActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('click') }),
  z.object({
    type: z.literal('input'),
    /** the input's type attribute (text, email, date, …) or 'textarea' / 'contenteditable' */
    inputType: z.string().max(40),
    /** the mentor opted in to keep an example value; never true for sensitive fields */
    keepValue: z.boolean(),
    exampleValue: z.string().max(2000).optional(),
    /** password or payment field: a value is never kept */
    sensitive: z.boolean(),
  }),
  z.object({
    type: z.literal('select'),
    optionText: z.string().max(500),
    optionValue: z.string().max(500).optional(),
  }),
  z.object({ type: z.literal('check'), checked: z.boolean(), inputType: z.enum(['checkbox', 'radio']) }),
  z.object({ type: z.literal('submit') }),
  z.object({
    type: z.literal('navigate'),
    url: z.string().max(2000),
    via: z.enum(['load', 'push', 'replace', 'pop', 'hash']),
  }),
  z.object({ type: z.literal('new-tab'), url: z.string().max(2000) }),
  /** a text-only hint the mentor inserted */
  z.object({ type: z.literal('tip') }),
]);
export type StepAction = z.infer<typeof StepActionSchema>;
export type StepActionType = StepAction['type'];

export const BlurRectSchema = z.object({
  /** fractions of the screenshot (0..1) */
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  w: z.number().min(0).max(1),
  h: z.number().min(0).max(1),
});

export const StepSchema = z.object({
  id: Id,
  walkthroughId: Id,
  /** sort key; steps are shown in ascending order */
  order: z.number(),
  title: z.string().max(300),
  explanation: z.string().max(4000).default(''),
  /** the page the step happens on (origin + path; query and fragment dropped) */
  url: z.string().max(2000),
  action: StepActionSchema,
  target: ElementFingerprintSchema.optional(),
  /** the mentee's local correction after "show me where"; preferred over `target` when present */
  healedTarget: ElementFingerprintSchema.optional(),
  screenshotId: Id.optional(),
  blurRects: z.array(BlurRectSchema).max(20).default([]),
  ...Timestamps,
});
export type Step = z.infer<typeof StepSchema>;

export const ScreenshotSchema = z.object({
  id: Id,
  /** owner record: a step or a question */
  ownerKind: z.enum(['step', 'question']),
  ownerId: Id,
  blob: z.instanceof(Blob),
  mime: z.enum(['image/webp', 'image/jpeg', 'image/png']),
  width: z.number().int().positive().max(8192),
  height: z.number().int().positive().max(8192),
  createdAt: IsoDateTime,
});
export type Screenshot = z.infer<typeof ScreenshotSchema>;

/* ---------- Questions ---------- */

export const QuestionStatus = z.enum(['open', 'agenda', 'discussed', 'resolved']);
export type QuestionStatus = z.infer<typeof QuestionStatus>;

export const QuestionSchema = z.object({
  id: Id,
  text: z.string().min(1).max(4000),
  status: QuestionStatus,
  goalId: Id.optional(),
  context: z.object({
    pageTitle: z.string().max(500).optional(),
    /** origin + path; query and fragment are dropped unless the user kept them */
    url: z.string().max(2000).optional(),
    walkthroughId: Id.optional(),
    stepId: Id.optional(),
    selectedText: z.string().max(2000).optional(),
  }),
  screenshotId: Id.optional(),
  /** the agenda this question is on, if any */
  meetingId: Id.optional(),
  answer: z.string().max(8000).default(''),
  ...Timestamps,
});
export type Question = z.infer<typeof QuestionSchema>;

/* ---------- The mentee's progress and step health ---------- */

export const ProgressSchema = z.object({
  walkthroughId: Id,
  /** index into the walkthrough's ordered steps */
  stepIndex: z.number().int().min(0),
  stepId: Id.optional(),
  status: z.enum(['playing', 'paused', 'finished']),
  /** the walkthrough version last played, for "changed since you last played" */
  playedVersion: z.number().int().min(1),
  timesFinished: z.number().int().min(0),
  startedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  finishedAt: IsoDateTime.optional(),
});
export type Progress = z.infer<typeof ProgressSchema>;

export const StepHealthSchema = z.object({
  id: Id,
  walkthroughId: Id,
  stepId: Id,
  walkthroughVersion: z.number().int().min(1),
  at: IsoDateTime,
  outcome: z.enum(['found', 'ambiguous', 'confirmed', 'not-found', 'healed', 'skipped', 'question', 'stopped']),
  score: z.number().min(0).max(1).optional(),
  url: z.string().max(2000).optional(),
});
export type StepHealth = z.infer<typeof StepHealthSchema>;

/* ---------- Settings ---------- */

export const SETTINGS_KEY = 'app' as const;
export const SettingsSchema = z.object({
  key: z.literal(SETTINGS_KEY),
  /** 'auto' follows the browser language */
  locale: z.enum(['auto', 'de', 'en']),
  largeText: z.boolean(),
  dimPage: z.boolean(),
  /** first-run setup finished */
  onboarded: z.boolean(),
  /** when the user last saw the "uninstalling deletes your data" reminder / made a backup */
  lastBackupAt: IsoDateTime.optional(),
  updatedAt: IsoDateTime,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  key: SETTINGS_KEY,
  locale: 'auto',
  largeText: false,
  dimPage: true,
  onboarded: false,
  updatedAt: new Date(0).toISOString(),
};

/** Table name → record schema; used by migrations and the bundle importer. */
export const recordSchemas = {
  tandems: TandemSchema,
  goals: GoalSchema,
  meetings: MeetingSchema,
  walkthroughs: WalkthroughSchema,
  steps: StepSchema,
  screenshots: ScreenshotSchema,
  questions: QuestionSchema,
  progress: ProgressSchema,
  stepHealth: StepHealthSchema,
  settings: SettingsSchema,
} as const;
export type TableName = keyof typeof recordSchemas;

export const nowIso = (): string => new Date().toISOString();
export const newId = (): string => crypto.randomUUID();
