/**
 * One attachment: a thumbnail for a raster image (a link opens it whole), a player for audio, a
 * chip with a download link for anything else — SVG, HTML and PDF included, which could run script
 * if opened as a page on the app's origin (src/core/security/attachmentPolicy.ts). Bytes are read
 * from storage only when the attachment scrolls near the screen.
 */
import type { TFunction } from 'i18next';
import { memo } from 'preact/compat';
import { useRef } from 'preact/hooks';
import type { Attachment } from '../../../core/assessment/attachmentSchema';
import { useTranslation } from '../../useTranslation';
import { attachmentDisplay } from './attachmentMediaType';
import { useInterview } from './InterviewContext';
import { playableHere } from './recordingFormat';
import { useBlobUrl, useSeen } from './useBlobUrl';

interface AttachmentViewProps {
  readonly attachment: Attachment;
  readonly onRemove?: ((attachment: Attachment) => void) | undefined;
}

export const AttachmentView = memo(function AttachmentView({ attachment, onRemove }: AttachmentViewProps) {
  const { t, format } = useTranslation();
  const { model } = useInterview();
  const ref = useRef<HTMLLIElement>(null);
  const seen = useSeen(ref);
  const blob = useBlobUrl(model.session.writer, attachment.sha256, seen, attachment.mediaType);
  const shown = attachmentDisplay(attachment.mediaType);
  // A recording this engine cannot play (WebM/Opus from a colleague's laptop, on an iPad that lacks
  // it) is said so and offered as a download, not given a player that fails silently.
  const unplayable = shown === 'audio' && !playableHere(attachment.mediaType, canPlayAudio);
  const display = unplayable ? 'file' : shown;
  const name = attachment.fileName || t('interview:attachments.unnamed');
  const size = formatBytes(t, attachment.bytes, format.number);
  const url = blob.status === 'ready' ? blob.url : undefined;

  return (
    <li ref={ref} class={`attachment attachment-${display}`}>
      {display === 'image' &&
        (url ? (
          <a class="attachment-thumb" href={url} target="_blank" rel="noopener noreferrer" aria-label={t('interview:attachments.openImage', { name })}>
            <img src={url} alt={name} loading="lazy" />
          </a>
        ) : (
          <span class="attachment-thumb attachment-placeholder" aria-hidden="true" />
        ))}
      {display === 'audio' && url && (
        // Recordings of the interview itself: there is no caption track to offer.
        <audio controls preload="metadata" src={url} aria-label={t('interview:attachments.playAudio', { name })} />
      )}
      <span class="attachment-meta">
        {display === 'file' && url ? (
          // Download only (typed application/octet-stream): never opened as a page of the app.
          <a href={url} download={downloadName(attachment)} type="application/octet-stream">
            {name}
          </a>
        ) : (
          <span class="attachment-name">{name}</span>
        )}
        <span class="muted"> · {size}</span>
        {blob.status === 'missing' && <span class="field-warning"> {t('interview:attachments.missing')}</span>}
        {unplayable && <span class="field-warning attachment-unplayable"> {t('interview:attachments.cannotPlay', { type: attachment.mediaType })}</span>}
      </span>
      {onRemove && (
        <button type="button" class="iv-button iv-button-quiet iv-button-small" onClick={() => onRemove(attachment)}>
          {t('interview:attachments.remove', { name })}
        </button>
      )}
    </li>
  );
});

let audioProbe: HTMLAudioElement | undefined;
/** The engine's answer for an <audio> element, asked of one element kept for the purpose. */
function canPlayAudio(type: string): string {
  audioProbe ??= document.createElement('audio');
  return audioProbe.canPlayType(type);
}

/** A download always has a name, so the browser never falls back to rendering it. */
function downloadName(attachment: Attachment): string {
  return attachment.fileName.trim() || `attachment-${attachment.sha256.slice(0, 12)}`;
}

function formatBytes(t: TFunction, bytes: number, number: (value: number) => string): string {
  if (bytes < 1024) return t('interview:attachments.bytes', { size: number(bytes) });
  if (bytes < 1024 * 1024) return t('interview:attachments.kilobytes', { size: number(Math.round(bytes / 102.4) / 10) });
  return t('interview:attachments.megabytes', { size: number(Math.round(bytes / (1024 * 102.4)) / 10) });
}
