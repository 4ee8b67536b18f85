/**
 * How the app may present an attachment, decided by an allow-list of media types. Attachments come
 * from colleagues' bundles and from the hub: data, never code. A browser runs script in SVG, HTML,
 * XHTML, XML with stylesheets and PDF viewers' forms when such a file is opened as a page, and a
 * `blob:` URL made by the app opens on the app's origin, where that script could read every
 * interview in IndexedDB. So:
 *
 * - raster images (which cannot carry script) are shown inline as `<img>` and may be opened whole;
 * - audio of common codecs plays in an `<audio>` element (a media element never runs script);
 * - everything else, SVG included, is offered only as a download: its bytes are handed to the
 *   browser typed `application/octet-stream`, with a `download` file name, so neither a click, a
 *   middle-click nor "open in new tab" renders it.
 *
 * Pure (no DOM): the interface uses it now, the hub can use it to choose Content-Type and
 * Content-Disposition later.
 */

export type AttachmentPresentation = 'inline-image' | 'inline-audio' | 'download';

/** Raster image types browsers decode without ever running script. */
export const INLINE_IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp'];

/** Audio types assessors record or receive; played by a media element only. */
export const INLINE_AUDIO_TYPES: readonly string[] = ['audio/mpeg', 'audio/mp4', 'audio/aac', 'audio/ogg', 'audio/webm', 'audio/wav', 'audio/x-wav', 'audio/flac'];

/** The type a download-only attachment is handed to the browser with: never rendered. */
export const DOWNLOAD_MEDIA_TYPE = 'application/octet-stream';

/** Parameters (";charset=…") and case do not change the decision. */
function bareType(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

export function attachmentPresentation(mediaType: string): AttachmentPresentation {
  const bare = bareType(mediaType);
  if (INLINE_IMAGE_TYPES.includes(bare)) return 'inline-image';
  if (INLINE_AUDIO_TYPES.includes(bare)) return 'inline-audio';
  return 'download';
}

/** The Content-Type to serve an attachment's bytes with: its own type only when allow-listed. */
export function servedMediaType(mediaType: string): string {
  return attachmentPresentation(mediaType) === 'download' ? DOWNLOAD_MEDIA_TYPE : bareType(mediaType);
}
