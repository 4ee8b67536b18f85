/**
 * The media type stored for a file: the browser's type without parameters ("audio/webm;codecs=opus"
 * → "audio/webm"), or one guessed from the extension when the browser gives none (common for
 * files from a USB stick), or application/octet-stream.
 */
import { attachmentPresentation } from '../../../core/security/attachmentPolicy';

const BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
  csv: 'text/csv',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  webm: 'audio/webm',
  wav: 'audio/wav',
};

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

export function attachmentMediaType(browserType: string, fileName: string): string {
  const bare = browserType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (MEDIA_TYPE.test(bare)) return bare;
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return (extension !== undefined ? BY_EXTENSION[extension] : undefined) ?? 'application/octet-stream';
}

export type AttachmentDisplay = 'image' | 'audio' | 'file';

/**
 * Raster images get a thumbnail, common audio a player; anything else (SVG, HTML, PDF, …) is a
 * file chip that only downloads. The allow-list is src/core/security/attachmentPolicy.ts.
 */
export function attachmentDisplay(mediaType: string): AttachmentDisplay {
  const presentation = attachmentPresentation(mediaType);
  return presentation === 'inline-image' ? 'image' : presentation === 'inline-audio' ? 'audio' : 'file';
}
