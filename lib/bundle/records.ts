/** The records a bundle carries, with screenshot blobs, and the shared helpers around them. */
import type {
  Goal,
  Meeting,
  Progress,
  Question,
  Screenshot,
  Settings,
  Step,
  StepHealth,
  Tandem,
  Walkthrough,
} from '../schema';
import type { BundleContents } from './format';

export interface BundleRecords {
  walkthroughs: Walkthrough[];
  steps: Step[];
  screenshots: Screenshot[];
  questions: Question[];
  goals: Goal[];
  meetings: Meeting[];
  tandems: Tandem[];
  progress: Progress[];
  stepHealth: StepHealth[];
  settings: Settings[];
}

export function emptyRecords(): BundleRecords {
  return {
    walkthroughs: [],
    steps: [],
    screenshots: [],
    questions: [],
    goals: [],
    meetings: [],
    tandems: [],
    progress: [],
    stepHealth: [],
    settings: [],
  };
}

export function countRecords(r: BundleRecords): BundleContents {
  return {
    walkthroughs: r.walkthroughs.length,
    steps: r.steps.length,
    screenshots: r.screenshots.length,
    questions: r.questions.length,
    goals: r.goals.length,
    meetings: r.meetings.length,
    tandems: r.tandems.length,
    progress: r.progress.length,
    stepHealth: r.stepHealth.length,
    settings: r.settings.length,
  };
}
