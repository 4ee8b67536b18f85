/**
 * Handing a finished bundle to the person: a download link from an object URL (every browser), and
 * where the File System Access API exists (Chromium on laptops), "Save as…" with the system's save
 * dialog, so the file can go straight to a USB stick. Feature-detected, never assumed.
 */
import { useEffect, useState } from 'preact/hooks';

interface WritableLike {
  write(data: Blob): Promise<void>;
  close(): Promise<void>;
}
interface FileHandleLike {
  createWritable(): Promise<WritableLike>;
}
interface SaveFilePickerOptions {
  readonly suggestedName: string;
  readonly types: ReadonlyArray<{ readonly description: string; readonly accept: Readonly<Record<string, readonly string[]>> }>;
}
type ShowSaveFilePicker = (options: SaveFilePickerOptions) => Promise<FileHandleLike>;

/** The browser's save dialog, when it has one. */
export function saveFilePickerOf(win: object): ShowSaveFilePicker | undefined {
  if (!('showSaveFilePicker' in win)) return undefined;
  const picker = win.showSaveFilePicker;
  return typeof picker === 'function' ? (options) => Promise.resolve(picker.call(win, options)) : undefined;
}

export type SaveOutcome = { readonly kind: 'saved' } | { readonly kind: 'cancelled' } | { readonly kind: 'failed'; readonly message: string };

/** Writes the bundle where the person chooses. Closing the dialog is not an error. */
export async function saveWithPicker(picker: ShowSaveFilePicker, blob: Blob, fileName: string, description: string): Promise<SaveOutcome> {
  try {
    // Only ".zip" as the type: pickers treat the text after the last dot as the extension, and
    // the suggested name keeps the full ".mmdma.zip".
    const handle = await picker({ suggestedName: fileName, types: [{ description, accept: { 'application/zip': ['.zip'] } }] });
    const writable = await handle.createWritable();
    await writable.write(blob);
    await writable.close();
    return { kind: 'saved' };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'cancelled' };
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

/** An object URL for the blob while the component shows it, revoked when the blob changes or the component goes. */
export function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (blob === undefined) {
      setUrl(undefined);
      return;
    }
    const created = URL.createObjectURL(blob);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [blob]);
  return url;
}
