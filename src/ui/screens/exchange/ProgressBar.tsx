/**
 * A labelled progress bar (role=progressbar with aria-valuenow) and, beside it, a polite status line
 * that changes only when the stage does, so a screen reader hears "Writing attachments…" once, not
 * every percent. Without a percent the bar is indeterminate (key derivation has no progress).
 */
import { useId, useMemo } from 'preact/hooks';
import { useTranslation } from '../../useTranslation';

export interface ProgressBarProps {
  /** What is going on, e.g. "Checking the file". */
  readonly label: string;
  /** The stage in words; announced politely when it changes. */
  readonly stage: string;
  /** 0–100, or undefined while the length of the work is unknown. */
  readonly percent: number | undefined;
}

export function ProgressBar({ label, stage, percent }: ProgressBarProps) {
  const id = useId();
  const { format } = useTranslation();
  const percentFormat = useMemo(() => format.intl.number({ style: 'percent' }), [format]);
  return (
    <div class="xc-progress">
      <p id={`${id}-label`} class="xc-progress-label">
        {label}
      </p>
      <div
        class={`xc-progress-track${percent === undefined ? ' is-indeterminate' : ''}`}
        role="progressbar"
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-stage`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={percent === undefined ? stage : `${percentFormat.format(percent / 100)} — ${stage}`}
      >
        <div class="xc-progress-fill" style={percent === undefined ? undefined : { width: `${percent}%` }} />
      </div>
      <p id={`${id}-stage`} class="xc-progress-stage" role="status">
        {stage}
      </p>
    </div>
  );
}
