/**
 * Audio recorded in the browser (MediaRecorder), only when the interviewees consented to audio.
 * Shows the elapsed time while recording; Stop hands the recording to `onRecorded`, which attaches
 * it to the note being typed. The ticking clock lives here alone, so it re-renders nothing else.
 *
 * Withdrawing consent while recording stops the recording and discards it: what was consented to
 * is what may be kept.
 */
import { forwardRef } from 'preact/compat';
import { useEffect, useImperativeHandle, useRef, useState } from 'preact/hooks';
import { useTranslation } from '../../useTranslation';
import { ariaShortcut, SHORTCUT_CODES } from './composerShortcuts';
import { chooseRecordingFormat, recordedFormat } from './recordingFormat';

export interface AudioRecorderHandle {
  toggle(): void;
}

interface AudioRecorderProps {
  readonly allowed: boolean;
  /** Why recording is off: `short` next to the disabled button, `full` as its description. */
  readonly disabledReason: { readonly short: string; readonly full: string };
  readonly onRecorded: (blob: Blob, fileName: string) => void;
  readonly onError: (message: string) => void;
}

type RecorderState =
  | { readonly status: 'idle' }
  | { readonly status: 'starting' }
  | { readonly status: 'recording'; readonly startedAt: number };

function recorderSupported(): boolean {
  return typeof MediaRecorder !== 'undefined' && typeof navigator !== 'undefined' && navigator.mediaDevices?.getUserMedia !== undefined;
}

export const AudioRecorder = forwardRef<AudioRecorderHandle, AudioRecorderProps>(function AudioRecorder({ allowed, disabledReason, onRecorded, onError }, ref) {
  const { t } = useTranslation();
  const [state, setState] = useState<RecorderState>({ status: 'idle' });
  const [now, setNow] = useState(() => Date.now());
  const recorder = useRef<MediaRecorder | null>(null);
  const discard = useRef(false);
  const callbacks = useRef({ onRecorded, onError });
  callbacks.current = { onRecorded, onError };
  const supported = recorderSupported();
  const enabled = allowed && supported;

  const stopTracks = (active: MediaRecorder) => active.stream.getTracks().forEach((track) => track.stop());

  const start = async () => {
    if (!enabled || state.status !== 'idle') return;
    setState({ status: 'starting' });
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      setState({ status: 'idle' });
      const denied = error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'SecurityError');
      callbacks.current.onError(denied ? t('interview:audio.denied') : t('interview:audio.noMicrophone'));
      return;
    }
    // In what this engine records (Safari: MP4/AAC only), see recordingFormat.ts.
    const asked = chooseRecordingFormat((type) => MediaRecorder.isTypeSupported(type));
    const active = new MediaRecorder(stream, asked ? { mimeType: asked.mimeType } : undefined);
    const chunks: Blob[] = [];
    const startedAt = Date.now();
    active.addEventListener('dataavailable', (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    });
    active.addEventListener('stop', () => {
      stopTracks(active);
      recorder.current = null;
      setState({ status: 'idle' });
      if (discard.current) {
        discard.current = false;
        return;
      }
      // The type the recorder says it wrote is the one stored (attachmentMediaType reads the Blob's).
      const { mediaType, extension } = recordedFormat(active.mimeType, asked);
      const blob = new Blob(chunks, { type: mediaType });
      const stamp = new Date(startedAt).toISOString().slice(0, 16).replace(':', '-');
      callbacks.current.onRecorded(blob, `recording-${stamp}.${extension}`);
    });
    // Data every second, so a long recording is not one huge buffer handed over at the end.
    active.start(1000);
    recorder.current = active;
    discard.current = false;
    setNow(startedAt);
    setState({ status: 'recording', startedAt });
  };

  const stop = () => {
    const active = recorder.current;
    if (active && active.state !== 'inactive') active.stop();
  };

  useImperativeHandle(ref, () => ({ toggle: () => (state.status === 'recording' ? stop() : void start()) }), [state, enabled]);

  // The elapsed time, once a second, only while recording.
  useEffect(() => {
    if (state.status !== 'recording') return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [state.status]);

  // Consent withdrawn mid-recording: stop and keep nothing.
  useEffect(() => {
    if (!allowed && recorder.current) {
      discard.current = true;
      stop();
      callbacks.current.onError(t('interview:audio.discarded'));
    }
  }, [allowed]);

  // Leaving the screen stops the microphone; what was recorded is still handed over.
  useEffect(() => () => stop(), []);

  const elapsed = state.status === 'recording' ? Math.max(0, Math.floor((now - state.startedAt) / 1000)) : 0;
  const clock = `${Math.floor(elapsed / 60)}:${String(elapsed % 60).padStart(2, '0')}`;
  const reasonId = 'audio-recorder-reason';
  const reason = !supported ? { short: t('interview:audio.unsupportedShort'), full: t('interview:audio.unsupported') } : disabledReason;

  return (
    <div class="audio-recorder">
      {state.status === 'recording' ? (
        <button type="button" class="iv-button iv-button-recording" onClick={stop} aria-keyshortcuts={ariaShortcut(SHORTCUT_CODES.record)}>
          <span class="recording-dot" aria-hidden="true" />
          {t('interview:audio.stop')}
          <span class="recording-clock" role="timer" aria-label={t('interview:audio.elapsed', { time: clock })}>
            {clock}
          </span>
        </button>
      ) : (
        <button
          type="button"
          class="iv-button"
          aria-disabled={!enabled || state.status === 'starting' ? 'true' : undefined}
          aria-describedby={enabled ? undefined : reasonId}
          aria-keyshortcuts={ariaShortcut(SHORTCUT_CODES.record)}
          onClick={() => void start()}
        >
          {state.status === 'starting' ? t('interview:audio.starting') : t('interview:audio.record')}
        </button>
      )}
      {!enabled && (
        <>
          <span class="audio-reason" aria-hidden="true">
            {reason.short}
          </span>
          <span id={reasonId} class="visually-hidden">
            {reason.full}
          </span>
        </>
      )}
    </div>
  );
});
