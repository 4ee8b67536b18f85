/**
 * One progress bar over the stages of an export, a verification or an import. The bundle code
 * reports progress per stage (changes, attachments, finishing), each counting from zero; a bar that
 * filled up and started again for every stage would read as "done" twice. So each stage gets a share
 * of the bar in the order it runs, and the bar only moves forward.
 */
import type { BundleProgress } from '../../../exchange/bundle/progress';

export type ProgressStage = BundleProgress['stage'];

/** The stages of a task in the order they run, with the share of the bar each takes. */
export type ProgressPlan = ReadonlyArray<readonly [stage: ProgressStage, weight: number]>;

/** Writing a bundle: changes, then attachments (most of the bytes, when there are any), then the manifest. */
export function exportPlan(withAttachments: boolean): ProgressPlan {
  return withAttachments
    ? [
        ['changes', 15],
        ['attachments', 80],
        ['finishing', 5],
      ]
    : [
        ['changes', 90],
        ['finishing', 10],
      ];
}

/** Reading and checking a bundle: change chunks, then every attachment hashed. */
export function verifyPlan(withAttachments: boolean): ProgressPlan {
  return withAttachments
    ? [
        ['changes', 30],
        ['attachments', 70],
      ]
    : [['changes', 100]];
}

/** Applying a bundle: attachments first (see importBundle.ts for why), then the changes in batches. */
export function applyPlan(withAttachments: boolean): ProgressPlan {
  return withAttachments
    ? [
        ['attachments', 50],
        ['changes', 50],
      ]
    : [['changes', 100]];
}

/** Whole percent (0–100) of the task done, for aria-valuenow; never below `floor` (the bar's last value). */
export function progressPercent(progress: BundleProgress | undefined, plan: ProgressPlan, floor = 0): number {
  if (progress === undefined) return clamp(floor);
  const totalWeight = plan.reduce((sum, [, weight]) => sum + weight, 0);
  if (totalWeight <= 0) return clamp(floor);
  let before = 0;
  let current: number | undefined;
  for (const [stage, weight] of plan) {
    if (stage === progress.stage) {
      current = weight;
      break;
    }
    before += weight;
  }
  // A stage the plan did not expect (attachments in a bundle thought to have none): hold the bar.
  if (current === undefined) return clamp(floor);
  const share = progress.total > 0 ? Math.min(1, Math.max(0, progress.done / progress.total)) : 1;
  return clamp(Math.max(floor, Math.floor(((before + current * share) / totalWeight) * 100)));
}

function clamp(percent: number): number {
  return Math.min(100, Math.max(0, Math.round(percent)));
}
