/**
 * Recording in whatever the engine offers (Safari: MP4/AAC only), and storing what was really
 * recorded.
 */
import { describe, expect, it } from 'vitest';
import { chooseRecordingFormat, playableHere, recordedFormat, RECORDING_FORMATS } from '../../src/ui/screens/interview/recordingFormat';

/** Roughly what each engine's MediaRecorder.isTypeSupported answers: Safari records MP4/AAC only. */
const offers = (types: readonly string[]) => (mimeType: string) => types.includes(mimeType);
const CHROMIUM = offers(['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/mp4;codecs=mp4a.40.2']);
const FIREFOX = offers(['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/ogg']);
const SAFARI = offers(['audio/mp4', 'audio/mp4;codecs=mp4a.40.2']);

describe('chooseRecordingFormat', () => {
  it('takes WebM/Opus where the engine offers it, MP4/AAC in Safari, Ogg/Opus where only that is offered', () => {
    expect(chooseRecordingFormat(CHROMIUM)?.mediaType).toBe('audio/webm');
    expect(chooseRecordingFormat(FIREFOX)?.mediaType).toBe('audio/webm');
    expect(chooseRecordingFormat(SAFARI)).toEqual({ mimeType: 'audio/mp4;codecs=mp4a.40.2', mediaType: 'audio/mp4', extension: 'm4a' });
    expect(chooseRecordingFormat(offers(['audio/mp4']))?.mimeType).toBe('audio/mp4');
    expect(chooseRecordingFormat(offers(['audio/ogg;codecs=opus']))).toEqual({ mimeType: 'audio/ogg;codecs=opus', mediaType: 'audio/ogg', extension: 'ogg' });
  });

  it('gives none where the engine offers none of them, or throws when asked', () => {
    expect(chooseRecordingFormat(() => false)).toBeUndefined();
    expect(
      chooseRecordingFormat(() => {
        throw new Error('NotSupportedError');
      }),
    ).toBeUndefined();
  });

  it('asks in the order WebM/Opus, MP4/AAC, Ogg/Opus', () => {
    const asked: string[] = [];
    chooseRecordingFormat((type) => {
      asked.push(type);
      return false;
    });
    expect(asked).toEqual(RECORDING_FORMATS.map((format) => format.mimeType));
    expect(asked.map((type) => type.split(';')[0])).toEqual(['audio/webm', 'audio/mp4', 'audio/mp4', 'audio/ogg']);
  });
});

describe('recordedFormat', () => {
  const safari = chooseRecordingFormat(SAFARI);
  it('stores the type the recorder reports it wrote, without parameters, with a matching extension', () => {
    expect(recordedFormat('audio/mp4; codecs="mp4a.40.2"', safari)).toEqual({ mediaType: 'audio/mp4', extension: 'm4a' });
    expect(recordedFormat('audio/webm;codecs=opus', chooseRecordingFormat(CHROMIUM))).toEqual({ mediaType: 'audio/webm', extension: 'webm' });
    // Asked for WebM, the engine wrote Ogg: Ogg is what is stored.
    expect(recordedFormat('audio/ogg', chooseRecordingFormat(FIREFOX))).toEqual({ mediaType: 'audio/ogg', extension: 'ogg' });
  });

  it('falls back to the type asked for when the recorder reports none, and stores an audio-only video/* as audio', () => {
    expect(recordedFormat('', safari)).toEqual({ mediaType: 'audio/mp4', extension: 'm4a' });
    expect(recordedFormat('video/mp4', safari)).toEqual({ mediaType: 'audio/mp4', extension: 'm4a' });
    expect(recordedFormat('video/webm;codecs=opus', undefined)).toEqual({ mediaType: 'audio/webm', extension: 'webm' });
  });

  it('never invents a type: nothing reported and nothing asked is stored as bytes of unknown type', () => {
    expect(recordedFormat('', undefined)).toEqual({ mediaType: 'application/octet-stream', extension: 'bin' });
    expect(recordedFormat('audio/x-unknown', undefined)).toEqual({ mediaType: 'audio/x-unknown', extension: 'bin' });
  });
});

describe('playableHere', () => {
  it('is false only when the engine answers the empty string (or cannot answer)', () => {
    const safariWithoutOpus = (type: string) => (type === 'audio/mp4' ? 'maybe' : '');
    expect(playableHere('audio/mp4', safariWithoutOpus)).toBe(true);
    expect(playableHere('audio/webm', safariWithoutOpus)).toBe(false);
    expect(playableHere('audio/webm', () => 'probably')).toBe(true);
    expect(
      playableHere('audio/webm', () => {
        throw new Error('no media');
      }),
    ).toBe(false);
  });
});
