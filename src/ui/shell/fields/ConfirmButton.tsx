/**
 * A destructive action asked twice, inline: the button turns into the question with "confirm" and
 * "cancel" (focus on cancel, the harmless choice; Escape cancels), rather than a blocking
 * `confirm()` dialog that a tablet's on-screen keyboard and screen readers handle badly.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useTranslation } from '../../useTranslation';

export interface ConfirmButtonProps {
  /** The button's text ("Remove"). */
  readonly label: string;
  /** Accessible name when the text alone is ambiguous in a list ("Remove Anna Petrosyan"). */
  readonly accessibleLabel?: string | undefined;
  /** The question ("Remove Anna Petrosyan from the team?"). */
  readonly question: string;
  /** The confirming button's text ("Yes, remove"). */
  readonly confirmLabel: string;
  readonly onConfirm: () => void | Promise<void>;
}

export function ConfirmButton({ label, accessibleLabel, question, confirmLabel, onConfirm }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) cancelRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      openerRef.current?.focus();
    }
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" ref={openerRef} class="button button-danger-quiet" aria-label={accessibleLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  const cancel = () => {
    returnFocus.current = true;
    setAsking(false);
  };
  return (
    <span
      class="confirm"
      role="group"
      aria-label={question}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          cancel();
        }
      }}
    >
      <span class="confirm-question">{question}</span>
      <button
        type="button"
        class="button button-danger"
        onClick={() => {
          setAsking(false);
          void onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" ref={cancelRef} class="button" onClick={cancel}>
        {t('common:actions.cancel')}
      </button>
    </span>
  );
}
