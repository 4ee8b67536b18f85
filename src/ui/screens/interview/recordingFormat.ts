/**
 * Which format to record audio in, and what a recording is once made. Engines record different
 * things: Chromium and Firefox Opus in WebM (Firefox also in Ogg), Safari only AAC in MP4. So the
 * recorder asks the engine (`MediaRecorder.isTypeSupported`) in this order and records in the first
 * it offers; the stored media type is the one the recorder reports it actually used, never a guess.
 */
export interface RecordingFormat {
  /** What is asked of MediaRecorder (with codecs). */
  readonly mimeType: string;
  /** What is stored with the attachment (no parameters). */
  readonly mediaType: string;
  readonly extension: string;
}

export const RECORDING_FORMATS: readonly RecordingFormat[] = [
  { mimeType: 'audio/webm;codecs=opus', mediaType: 'audio/webm', extension: 'webm' },
  { mimeType: 'audio/mp4;codecs=mp4a.40.2', mediaType: 'audio/mp4', extension: 'm4a' },
  { mimeType: 'audio/mp4', mediaType: 'audio/mp4', extension: 'm4a' },
  { mimeType: 'audio/ogg;codecs=opus', mediaType: 'audio/ogg', extension: 'ogg' },
];

/** The first format the engine can record, or undefined (then MediaRecorder's default is used). */
export function chooseRecordingFormat(isTypeSupported: (mimeType: string) => boolean): RecordingFormat | undefined {
  return RECORDING_FORMATS.find((format) => {
    try {
      return isTypeSupported(format.mimeType);
    } catch {
      // An engine that throws on an odd type has answered "no".
      return false;
    }
  });
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'audio/webm': 'webm',
  'video/webm': 'webm',
  'audio/mp4': 'm4a',
  'video/mp4': 'm4a',
  'audio/ogg': 'ogg',
  'audio/aac': 'aac',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
};

/**
 * The recording as made: the media type the recorder reports (`MediaRecorder.mimeType`, which is
 * what it really wrote), else the one asked for. Some engines report an audio-only recording as
 * video/webm or video/mp4; it is stored as audio, so it gets a player.
 */
export function recordedFormat(recorderMimeType: string, asked: RecordingFormat | undefined): { readonly mediaType: string; readonly extension: string } {
  const reported = recorderMimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  const bare = reported !== '' ? reported : (asked?.mediaType ?? '');
  const mediaType = bare.startsWith('video/') ? `audio/${bare.slice('video/'.length)}` : bare;
  const extension = EXTENSIONS[mediaType];
  if (extension === undefined) return { mediaType: mediaType || 'application/octet-stream', extension: 'bin' };
  return { mediaType, extension };
}

/**
 * Whether this engine can play a recording of this media type: `canPlayType` answers '' for "no"
 * ('maybe' and 'probably' are as close to yes as the web gets). A recording made on a colleague's
 * device (WebM/Opus from Chromium, on an old iPad) that cannot play here is said so, with a
 * download, instead of a player that shows an error or nothing.
 */
export function playableHere(mediaType: string, canPlayType: (type: string) => string): boolean {
  try {
    return canPlayType(mediaType) !== '';
  } catch {
    return false;
  }
}
