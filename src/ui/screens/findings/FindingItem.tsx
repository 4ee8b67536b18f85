/**
 * One strength, area of improvement or recommendation: its text edited in place (autosaved), who
 * wrote it, and its actions. Alt+↑ / Alt+↓ anywhere in the item move it in an ordered list.
 * Rows are memoised on the fields they show, so typing in one never redraws the others.
 */
import type { JSX } from 'preact';
import { memo } from 'preact/compat';
import type { Finding } from '../../../core/assessment/findingSchema';
import { ok } from '../../../core/result';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import { AutosaveTextarea } from '../rating/AutosaveTextarea';
import { storageFailureMessage } from '../rating/storageFailureMessage';

export interface FindingItemProps {
  readonly finding: Finding;
  /** "Strength 2": names the item to screen readers in its actions. */
  readonly itemName: string;
  readonly authorName: string;
  readonly editable: boolean;
  /** Undefined when the list is not ordered. */
  readonly canMoveUp?: boolean | undefined;
  readonly canMoveDown?: boolean | undefined;
  /** Shown rank among the key recommendations (recommendations only; null: not key). */
  readonly keyRank?: number | null | undefined;
  readonly describedBy: string;
  readonly onMove: (id: string, delta: number) => void;
  readonly onDelete: (finding: Finding, silent: boolean) => void;
  readonly onToggleKey?: ((finding: Finding) => void) | undefined;
}

function same(a: FindingItemProps, b: FindingItemProps): boolean {
  return (
    a.finding.id === b.finding.id &&
    a.finding.text === b.finding.text &&
    a.finding.kind === b.finding.kind &&
    a.itemName === b.itemName &&
    a.authorName === b.authorName &&
    a.editable === b.editable &&
    a.canMoveUp === b.canMoveUp &&
    a.canMoveDown === b.canMoveDown &&
    a.keyRank === b.keyRank &&
    a.describedBy === b.describedBy &&
    a.onMove === b.onMove &&
    a.onDelete === b.onDelete &&
    a.onToggleKey === b.onToggleKey
  );
}

export const FindingItem = memo(function FindingItem(props: FindingItemProps) {
  const { finding, itemName, authorName, editable, canMoveUp, canMoveDown, keyRank, describedBy, onMove, onDelete, onToggleKey } = props;
  const { t } = useTranslation();
  const shell = useShell();
  const ordered = canMoveUp !== undefined;
  const textId = `finding-${finding.id}`;

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLElement>) => {
    if (!ordered || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      onMove(finding.id, event.key === 'ArrowUp' ? -1 : 1);
    }
  };

  return (
    <li class="finding-item" data-finding-id={finding.id} onKeyDown={onKeyDown}>
      {editable ? (
        <AutosaveTextarea
          id={textId}
          class="finding-text"
          rows={2}
          value={finding.text}
          saveKey={`finding:${finding.id}:text`}
          aria-label={itemName}
          aria-describedby={describedBy}
          placeholder={t('findings:item.placeholder')}
          save={async (value) => {
            const session = shell.session.value;
            if (!session) return ok(undefined);
            const result = await session.writer.update('finding', finding.id, { text: value });
            if (!result.ok) shell.notify('error', storageFailureMessage(t, result.error, itemName));
            return result;
          }}
          onLeave={(value) => {
            // An empty finding says nothing and would print as an empty bullet: it goes (undoably).
            if (value.trim() === '') onDelete(finding, true);
          }}
        />
      ) : (
        <p id={textId} class="finding-text-read">
          {finding.text.trim() === '' ? <span class="muted">{t('findings:item.empty')}</span> : finding.text}
        </p>
      )}
      <div class="finding-footer">
        <span class="finding-author">{t('findings:item.author', { name: authorName })}</span>
        {keyRank !== undefined && keyRank !== null && <span class="key-badge">{t('findings:item.keyRank', { rank: keyRank })}</span>}
        {editable && (
          <span class="finding-actions">
            {ordered && (
              <>
                <button type="button" class="rf-button rf-button-small" data-control="up" disabled={!canMoveUp} onClick={() => onMove(finding.id, -1)}>
                  <span aria-hidden="true">↑ </span>
                  {t('findings:item.up')}
                  <span class="visually-hidden"> — {itemName}</span>
                </button>
                <button type="button" class="rf-button rf-button-small" data-control="down" disabled={!canMoveDown} onClick={() => onMove(finding.id, 1)}>
                  <span aria-hidden="true">↓ </span>
                  {t('findings:item.down')}
                  <span class="visually-hidden"> — {itemName}</span>
                </button>
              </>
            )}
            {onToggleKey && (
              <label class="key-toggle">
                <input type="checkbox" checked={keyRank !== null && keyRank !== undefined} onChange={() => onToggleKey(finding)} />
                {t('findings:item.key')}
                <span class="visually-hidden"> — {itemName}</span>
              </label>
            )}
            <button type="button" class="rf-button rf-button-small" data-control="delete" onClick={() => onDelete(finding, false)}>
              {t('findings:item.delete')}
              <span class="visually-hidden"> — {itemName}</span>
            </button>
          </span>
        )}
      </div>
    </li>
  );
}, same);
