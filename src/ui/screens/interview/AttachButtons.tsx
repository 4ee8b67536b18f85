/**
 * "Photo" (the camera on a tablet: accept=image/*, capture=environment) and "File" (anything).
 * The file inputs are hidden behind real buttons, which are what keyboard and screen-reader users
 * meet; Alt+P and Alt+A press them.
 */
import { forwardRef } from 'preact/compat';
import { useImperativeHandle, useRef } from 'preact/hooks';
import { useTranslation } from '../../useTranslation';
import { ariaShortcut, SHORTCUT_CODES } from './composerShortcuts';

export interface AttachButtonsHandle {
  photo(): void;
  file(): void;
}

interface AttachButtonsProps {
  readonly idBase: string;
  readonly onFiles: (files: readonly File[]) => void;
  readonly busy?: boolean;
}

export const AttachButtons = forwardRef<AttachButtonsHandle, AttachButtonsProps>(function AttachButtons({ idBase, onFiles, busy = false }, ref) {
  const { t } = useTranslation();
  const photoInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({ photo: () => photoInput.current?.click(), file: () => fileInput.current?.click() }), []);

  const take = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const files = input.files ? Array.from(input.files) : [];
    // Cleared so that choosing the same file again still fires a change.
    input.value = '';
    if (files.length > 0) onFiles(files);
  };

  return (
    <div class="attach-buttons">
      <button type="button" class="iv-button" onClick={() => photoInput.current?.click()} aria-keyshortcuts={ariaShortcut(SHORTCUT_CODES.photo)} aria-disabled={busy ? 'true' : undefined}>
        {t('interview:attachments.photo')}
      </button>
      <input
        ref={photoInput}
        id={`${idBase}-photo`}
        type="file"
        accept="image/*"
        capture="environment"
        class="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={take}
      />
      <button type="button" class="iv-button" onClick={() => fileInput.current?.click()} aria-keyshortcuts={ariaShortcut(SHORTCUT_CODES.file)} aria-disabled={busy ? 'true' : undefined}>
        {t('interview:attachments.file')}
      </button>
      <input ref={fileInput} id={`${idBase}-file`} type="file" multiple class="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={take} />
    </div>
  );
});
