/**
 * A piece of the report's prose, edited in place: read as text, "Write" turns it into a field that
 * saves itself like every other field (the shell's autosave), "Done" turns it back.
 */
import { useState } from 'preact/hooks';
import type { Result } from '../../../core/result';
import type { StorageFailure } from '../../../storage';
import { AutosaveField } from '../../shell/fields/AutosaveField';
import { useTranslation } from '../../useTranslation';

export interface NarrativeFieldProps {
  readonly narrativeKey: string;
  readonly label: string;
  readonly text: string;
  readonly placeholder: string;
  readonly editable: boolean;
  readonly save: (key: string, value: string) => Promise<Result<unknown, StorageFailure>>;
}

export function NarrativeField({ narrativeKey, label, text, placeholder, editable, save }: NarrativeFieldProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const paragraphs = text.trim() === '' ? [] : text.split(/\n{2,}/);
  return (
    <div class="report-narrative" data-narrative={narrativeKey}>
      {editing ? (
        <>
          <AutosaveField label={t('report:screen.editing', { label })} value={text} saveKey={`assessment:reportText:${narrativeKey}`} save={(value) => save(narrativeKey, value)} multiline hint={placeholder} />
          <button type="button" class="no-print" onClick={() => setEditing(false)}>
            {t('report:screen.done')}
          </button>
        </>
      ) : (
        <>
          {paragraphs.length === 0 ? <p class="narrative-empty no-print">{placeholder}</p> : paragraphs.map((paragraph, i) => <p key={i} class="narrative">{paragraph}</p>)}
          {editable && (
            <button type="button" class="no-print narrative-edit" onClick={() => setEditing(true)} aria-label={`${t('report:screen.edit')}: ${label}`}>
              {t('report:screen.edit')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
