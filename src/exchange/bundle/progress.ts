/** Progress of reading, writing or applying a bundle, for a progress bar. */
export interface BundleProgress {
  /** What is being worked on. */
  readonly stage: 'changes' | 'attachments' | 'finishing';
  readonly done: number;
  readonly total: number;
  /** `bytes` while reading or writing; `changes` and `bytes` (attachments) while applying. */
  readonly unit: 'bytes' | 'changes';
}

export type OnBundleProgress = (progress: BundleProgress) => void;
