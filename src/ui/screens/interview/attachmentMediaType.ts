/**
 * The media type stored for a file: the browser's type without parameters ("audio/webm;codecs=opus"
 * → "audio/webm"), or one guessed from the extension when the browser gives none (common for
 * files from a USB stick), or application/octet-stream.
 */
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

/** Images the browser can show and audio it can play get a preview; anything else is a file chip. */
export function attachmentDisplay(mediaType: string): AttachmentDisplay {
  if (/^image\/(png|jpeg|gif|webp|avif|bmp|svg\+xml)$/.test(mediaType)) return 'image';
  if (mediaType.startsWith('audio/')) return 'audio';
  return 'file';
}
