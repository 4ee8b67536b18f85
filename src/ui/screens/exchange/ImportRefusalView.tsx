/**
 * A refused (or stopped) import: the problem in the person's language, what it means for this
 * device (nothing changed, or how much was written before a stop and how to finish), and the
 * library's English message for a bug report.
 */
import type { Ref } from 'preact';
import type { ImportProblem } from '../../../exchange/importBundle';
import { useTranslation } from '../../useTranslation';
import { importProblemText, recordsChangedBefore } from './problemMessage';

/** A problem of the bundle code, or a bug (an exception), with whether it struck while writing. */
export type Refusal = ImportProblem | { readonly code: 'unexpected'; readonly message: string; readonly whileWriting: boolean };

export interface ImportRefusalViewProps {
  readonly refusal: Refusal;
  readonly fileName: string;
  readonly headingRef: Ref<HTMLHeadingElement>;
  readonly onAnother: () => void;
  /** Tries the same file again (after a stop, or a read failure). */
  readonly onRetry: (() => void) | undefined;
}

export function ImportRefusalView({ refusal, fileName, headingRef, onAnother, onRetry }: ImportRefusalViewProps) {
  const { t } = useTranslation();
  const stopped = refusal.code === 'aborted';
  const written = refusal.code === 'unexpected' ? 0 : recordsChangedBefore(refusal);
  return (
    <div class={`xc-refusal${stopped ? ' is-stopped' : ''}`} data-code={refusal.code}>
      <h4 ref={headingRef} tabIndex={-1} class="xc-result-heading">
        {stopped ? t('exchange:import.stoppedHeading') : t('exchange:import.refusedHeading', { file: fileName })}
      </h4>
      <p class="xc-refusal-message">{refusal.code === 'unexpected' ? t('exchange:problem.unexpected') : importProblemText(t, refusal)}</p>
      <p class="xc-refusal-effect">
        {written > 0
          ? t('exchange:import.partlyWritten', { count: written })
          : refusal.code === 'unexpected' && refusal.whileWriting
            ? t('exchange:import.maybeWritten')
            : t('exchange:import.nothingChanged')}
      </p>
      <details class="xc-details">
        <summary>{t('exchange:technicalDetails')}</summary>
        <p lang="en">
          <code>{refusal.code}</code>: {refusal.message}
          {'entry' in refusal && refusal.entry !== undefined ? ` (${refusal.entry})` : ''}
        </p>
      </details>
      <div class="xc-actions">
        {onRetry !== undefined && (
          <button type="button" class="button button-primary" onClick={onRetry}>
            {stopped ? t('exchange:import.resume') : t('exchange:import.retry')}
          </button>
        )}
        <button type="button" class="button" onClick={onAnother}>
          {t('exchange:import.another')}
        </button>
      </div>
    </div>
  );
}
