/**
 * One list of the report for a pillar and track: strengths (bullets), areas of improvement
 * (numbered) or recommendations (numbered, each can be made a key recommendation), with an add
 * button and, after a delete, an undo.
 */
import type { Finding, FindingKind } from '../../../core/assessment/findingSchema';
import { useTranslation } from '../../useTranslation';
import { FindingItem } from './FindingItem';

export interface DeletedFinding {
  readonly finding: Finding;
  /** The list it was in: `${trackId}:${kind}`. */
  readonly listKey: string;
}

interface FindingListProps {
  readonly kind: FindingKind;
  readonly trackId: string;
  readonly heading: string;
  readonly items: readonly Finding[];
  readonly ordered: boolean;
  readonly editable: boolean;
  readonly authorName: (authorId: string) => string;
  readonly keyRankOf: (finding: Finding) => number | null;
  readonly deleted: DeletedFinding | undefined;
  readonly onAdd: (kind: FindingKind, trackId: string) => void;
  readonly onMove: (id: string, delta: number) => void;
  readonly onDelete: (finding: Finding, silent: boolean) => void;
  readonly onUndo: (finding: Finding) => void;
  readonly onToggleKey: (finding: Finding) => void;
}

export function FindingList(props: FindingListProps) {
  const { kind, trackId, heading, items, ordered, editable, authorName, keyRankOf, deleted, onAdd, onMove, onDelete, onUndo, onToggleKey } = props;
  const { t } = useTranslation();
  const headingId = `findings-${trackId}-${kind}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const itemName = (n: number) =>
    ({
      strength: t('findings:itemName.strength', { n }),
      improvement: t('findings:itemName.improvement', { n }),
      recommendation: t('findings:itemName.recommendation', { n }),
    })[kind];
  const addLabel = { strength: t('findings:add.strength'), improvement: t('findings:add.improvement'), recommendation: t('findings:add.recommendation') }[kind];
  const emptyText = { strength: t('findings:empty.strength'), improvement: t('findings:empty.improvement'), recommendation: t('findings:empty.recommendation') }[kind];
  const List = kind === 'strength' ? 'ul' : 'ol';
  const listKey = `${trackId}:${kind}`;

  return (
    <section class={`finding-list finding-list-${kind}`} aria-labelledby={headingId} data-kind={kind}>
      <h4 id={headingId}>{heading}</h4>
      {items.length === 0 ? (
        <p class="muted finding-empty">{emptyText}</p>
      ) : (
        <List class="finding-items">
          {items.map((finding, i) => (
            <FindingItem
              key={finding.id}
              finding={finding}
              itemName={itemName(i + 1)}
              authorName={authorName(finding.authorId)}
              editable={editable}
              canMoveUp={ordered ? i > 0 : undefined}
              canMoveDown={ordered ? i < items.length - 1 : undefined}
              keyRank={kind === 'recommendation' ? keyRankOf(finding) : undefined}
              describedBy={headingId}
              onMove={onMove}
              onDelete={onDelete}
              onToggleKey={kind === 'recommendation' ? onToggleKey : undefined}
            />
          ))}
        </List>
      )}
      {deleted && deleted.listKey === listKey && (
        <p class="finding-undo" role="status">
          <span>{t('findings:deleted', { text: excerpt(deleted.finding.text) })}</span>{' '}
          <button type="button" class="rf-button rf-button-small" data-undo-id={deleted.finding.id} onClick={() => onUndo(deleted.finding)}>
            {t('findings:undo')}
          </button>
        </p>
      )}
      {editable && (
        <button type="button" class="rf-button finding-add" aria-describedby={headingId} onClick={() => onAdd(kind, trackId)}>
          <span aria-hidden="true">+ </span>
          {addLabel}
        </button>
      )}
    </section>
  );
}

export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
