/** Where a note comes from (a law, a report, a web page): the same field in the composer and the editor. */
import type { JSX, Ref } from 'preact';
import { useTranslation } from '../../useTranslation';

interface NoteSourceFieldProps {
  readonly id: string;
  readonly inputRef: Ref<HTMLInputElement>;
  readonly value: string;
  readonly onValue: (value: string) => void;
  /** aria-keyshortcuts of the shortcut that focuses the field, where there is one. */
  readonly shortcut?: string | undefined;
  readonly onFocus?: () => void;
  readonly onBlur?: () => void;
  readonly onKeyDown?: (event: JSX.TargetedKeyboardEvent<HTMLInputElement>) => void;
}

export function NoteSourceField({ id, inputRef, value, onValue, shortcut, onFocus, onBlur, onKeyDown }: NoteSourceFieldProps) {
  const { t } = useTranslation();
  return (
    <div class="field composer-source">
      <label for={id}>{t('interview:source.label')}</label>
      <input
        ref={inputRef}
        id={id}
        type="text"
        autoComplete="off"
        placeholder={t('interview:source.placeholder')}
        value={value}
        aria-keyshortcuts={shortcut}
        onInput={(event) => onValue(event.currentTarget.value)}
        onFocus={onFocus}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
