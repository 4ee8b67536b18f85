/**
 * A file input that speaks the interface language. The browser's own button says "Choose File" and
 * "No file chosen" in the browser's language whatever the app's; here a labelled button in the
 * app's words opens the hidden input, and the name of the file chosen (or "No file chosen") sits
 * beside it. The button is named by its own words and described by the field's label and the file
 * chosen; the label stays tied to the input itself (the input's only name, so "the field labelled
 * X" is one control), and clicking it still opens the chooser.
 */
import type { Ref } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { useTranslation } from '../useTranslation';

export interface FilePickerProps {
  readonly id: string;
  readonly label: string;
  readonly accept?: string | undefined;
  readonly disabled?: boolean | undefined;
  /** Ids of the field's hint or messages. */
  readonly describedBy?: string | undefined;
  readonly inputRef?: Ref<HTMLInputElement> | undefined;
  /** The file chosen; the input is then cleared, so choosing the same file again is a new choice. */
  readonly onFile: (file: File) => void;
}

export function FilePicker({ id, label, accept, disabled, describedBy, inputRef, onFile }: FilePickerProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const input = useRef<HTMLInputElement | null>(null);
  const setInput = (element: HTMLInputElement | null) => {
    input.current = element;
    if (typeof inputRef === 'function') inputRef(element);
    else if (inputRef) inputRef.current = element;
  };
  return (
    <div class="field file-picker">
      <label for={id} id={`${id}-label`}>
        {label}
      </label>
      <div class="file-picker-row">
        <button
          type="button"
          id={`${id}-button`}
          class="button"
          disabled={disabled}
          aria-describedby={[`${id}-label`, `${id}-chosen`, describedBy].filter(Boolean).join(' ')}
          onClick={() => input.current?.click()}
        >
          {t('shell:filePicker.choose')}
        </button>
        <span id={`${id}-chosen`} class="file-picker-name">
          {chosen ?? t('shell:filePicker.none')}
        </span>
      </div>
      <input
        id={id}
        ref={setInput}
        type="file"
        accept={accept}
        disabled={disabled}
        class="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const element = event.currentTarget;
          const file = element.files?.[0];
          element.value = '';
          if (!file) return;
          setChosen(file.name);
          onFile(file);
        }}
      />
    </div>
  );
}
