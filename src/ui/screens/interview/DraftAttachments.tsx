/** The files of the note being typed, and the ones still on their way to storage. */
import type { Attachment } from '../../../core/assessment/attachmentSchema';
import { useTranslation } from '../../useTranslation';
import { AttachmentView } from './AttachmentView';
import type { DraftView } from './draftNote';
import { useInterview } from './InterviewContext';

export function DraftAttachments({ view, onRemove }: { readonly view: DraftView; readonly onRemove: (attachment: Attachment) => void }) {
  const { t } = useTranslation();
  const { model } = useInterview();
  const attachments = view.observationId !== null ? (model.attachmentsByNote.value.get(view.observationId) ?? []) : [];
  if (attachments.length === 0 && view.uploads === 0) return null;
  return (
    <ul class="attachments composer-attachments" aria-label={t('interview:attachments.ofDraft')}>
      {attachments.map((attachment) => (
        <AttachmentView key={attachment.id} attachment={attachment} onRemove={onRemove} />
      ))}
      {view.uploads > 0 && (
        <li class="attachment attachment-pending" role="status">
          {t('interview:attachments.saving', { count: view.uploads })}
        </li>
      )}
    </ul>
  );
}
