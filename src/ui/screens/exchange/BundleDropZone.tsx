/**
 * Where a bundle file comes in: a file picker in the app's language (the keyboard and screen-reader
 * way, and the only way on tablets) inside a zone that also takes a file dropped from the desktop or a USB stick's window.
 */
import type { Ref } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';
import { FilePicker } from '../../shared/FilePicker';
import { useTranslation } from '../../useTranslation';

export interface BundleDropZoneProps {
  readonly onFile: (file: File) => void;
  readonly disabled?: boolean | undefined;
  readonly label?: string | undefined;
  readonly inputRef?: Ref<HTMLInputElement> | undefined;
}

export function BundleDropZone({ onFile, disabled, label, inputRef }: BundleDropZoneProps) {
  const { t } = useTranslation();
  const id = useId();
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
  return (
    <div
      class={`xc-drop${over ? ' is-over' : ''}`}
      onDragEnter={(event) => {
        if (disabled || !hasFiles(event)) return;
        event.preventDefault();
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={(event) => {
        if (disabled || !hasFiles(event)) return;
        // Without this the browser opens the dropped file instead of handing it over.
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(event) => {
        if (disabled) return;
        event.preventDefault();
        depth.current = 0;
        setOver(false);
        const file = event.dataTransfer?.files[0];
        if (file) onFile(file);
      }}
    >
      <FilePicker id={id} label={label ?? t('exchange:import.fileLabel')} accept=".zip,.mmdma.zip,application/zip" disabled={disabled} describedBy={`${id}-hint`} inputRef={inputRef} onFile={onFile} />
      <p id={`${id}-hint`} class="field-hint">
        {t('exchange:import.dropHint')}
      </p>
    </div>
  );
}
