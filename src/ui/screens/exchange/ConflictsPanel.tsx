/**
 * The conflicts an import set aside (DESIGN.md §5): two people changed the same field without
 * seeing each other's change, last-writer-wins kept the newer value on every device, and the other
 * one waits here for the lead. Each open conflict names the record and field, shows both values
 * with who and when, and offers to keep the newer value (mark it reviewed) or to use the set-aside
 * one instead (an ordinary local edit: the newest, so it wins everywhere after the next exchange).
 * Reviewed ones fold into a "Reviewed" group and can be reopened.
 *
 * Everything user-made is rendered as text nodes, never as markup: a note may hold "<script>".
 */
import type { RefObject } from 'preact';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TableName } from '../../../core/assessment/recordSchemas';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import type { JsonValue } from '../../../core/merge/change';
import type { FieldPatch } from '../../../storage';
import type { ConflictRow } from '../../../storage/conflictRow';
import type { StorageFailure } from '../../../storage/storageFailure';
import { interpolateNodes } from '../../shared/interpolateNodes';
import type { AssessmentData } from '../../session/assessmentSession';
import { useTranslation } from '../../useTranslation';
import {
  describeRecord,
  formatValue,
  valueInUse,
  versionAuthor,
  versionTime,
  type ConflictContext,
  type ValueDisplay,
  type VersionSide,
} from './conflictDescription';
import type { ExchangeDeps } from './exchangeDeps';
import { fieldLabel } from './fieldLabel';
import { conflictProblemText } from './problemMessage';

export interface ConflictsPanelProps {
  readonly deps: ExchangeDeps;
  readonly assessmentId: string;
  readonly data: AssessmentData;
  readonly index: FrameworkIndex | undefined;
  /** Bumped after every import: the list is read again. */
  readonly peersVersion: number;
  /** The section's heading, which the import report's "Review the conflicts" focuses. */
  readonly headingRef: RefObject<HTMLHeadingElement>;
}

type Read =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly failure: StorageFailure }
  | { readonly kind: 'loaded'; readonly conflicts: readonly ConflictRow[]; readonly invalid: number };

type Action = 'keep' | 'restore' | 'reopen';

/** Where the focus goes once the list is read again after an action. */
type PendingFocus = { readonly kind: 'item'; readonly lostHlc: string } | { readonly kind: 'open-at'; readonly position: number };

export function ConflictsPanel({ deps, assessmentId, data, index, peersVersion, headingRef }: ConflictsPanelProps) {
  const { t, language, format } = useTranslation();
  const id = useId();
  const [read, setRead] = useState<Read>({ kind: 'loading' });
  const [reload, setReload] = useState(0);
  const [ownNode, setOwnNode] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ readonly lostHlc: string; readonly text: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const run = useRef(0);
  /** Set synchronously, so a second press before the next render does not act twice. */
  const acting = useRef(false);
  const headings = useRef(new Map<string, HTMLHeadingElement>());
  const pendingFocus = useRef<PendingFocus | null>(null);

  useEffect(() => {
    let live = true;
    void deps.store.nodeId().then((node) => {
      if (live && node.ok) setOwnNode(node.value);
    });
    return () => {
      live = false;
    };
  }, [deps]);

  useEffect(() => {
    const mine = ++run.current;
    void deps.store.listConflicts(assessmentId).then((result) => {
      if (run.current !== mine) return;
      setRead(result.ok ? { kind: 'loaded', conflicts: result.value.conflicts, invalid: result.value.invalid } : { kind: 'failed', failure: result.error });
    });
    return () => {
      run.current += 1;
    };
  }, [deps, assessmentId, peersVersion, reload]);

  // Layout effect: the focus lands in the same frame as the list that moved under it.
  useLayoutEffect(() => {
    const pending = pendingFocus.current;
    if (pending === null || read.kind !== 'loaded') return;
    pendingFocus.current = null;
    const open = read.conflicts.filter((conflict) => conflict.reviewedAt === null);
    const target = pending.kind === 'item' ? pending.lostHlc : open[Math.min(pending.position, open.length - 1)]?.lostHlc;
    const element = target === undefined ? undefined : headings.current.get(target);
    (element ?? headingRef.current)?.focus();
  }, [read, headingRef]);

  const context: ConflictContext = { t, language, format, data, index };
  const conflicts = read.kind === 'loaded' ? read.conflicts : [];
  const open = conflicts.filter((conflict) => conflict.reviewedAt === null);
  const reviewed = conflicts.filter((conflict) => conflict.reviewedAt !== null);

  const act = async (conflict: ConflictRow, action: Action) => {
    if (acting.current) return;
    acting.current = true;
    const position = open.findIndex((candidate) => candidate.lostHlc === conflict.lostHlc);
    const named = { record: describeRecord(context, conflict.table, conflict.id), field: fieldLabel(t, conflict.field) };
    setBusy(conflict.lostHlc);
    setProblem(null);
    setAnnouncement('');
    try {
      // "Keep the newer value" after the set-aside one was restored puts the newer one back.
      const write = action === 'restore' ? conflict.lost.value : action === 'keep' && valueInUse(conflict, data) === 'lost' ? conflict.kept.value : undefined;
      if (write !== undefined) {
        const written = await writeField(deps, conflict, write);
        if (!written.ok) {
          setProblem({ lostHlc: conflict.lostHlc, text: `${conflictProblemText(t, written.error)} ${t('exchange:conflicts.problem.unchanged')}` });
          return;
        }
      }
      const marked = await deps.store.markConflictReviewed(conflict.lostHlc, action !== 'reopen');
      if (!marked.ok) {
        const after = write === undefined ? t('exchange:conflicts.problem.unchanged') : t('exchange:conflicts.problem.notMarked');
        setProblem({ lostHlc: conflict.lostHlc, text: `${conflictProblemText(t, marked.error)} ${after}` });
        return;
      }
      pendingFocus.current = action === 'reopen' ? { kind: 'item', lostHlc: conflict.lostHlc } : { kind: 'open-at', position: Math.max(0, position) };
      setAnnouncement(
        action === 'keep'
          ? t('exchange:conflicts.done.kept', named)
          : action === 'restore'
            ? t('exchange:conflicts.done.restored', named)
            : t('exchange:conflicts.done.reopened', named),
      );
      setReload((value) => value + 1);
    } finally {
      acting.current = false;
      setBusy(null);
    }
  };

  const item = (conflict: ConflictRow) => (
    <ConflictItem
      key={conflict.lostHlc}
      conflict={conflict}
      context={context}
      ownNode={ownNode}
      busy={busy === conflict.lostHlc}
      problem={problem?.lostHlc === conflict.lostHlc ? problem.text : undefined}
      headingRef={(element) => {
        if (element === null) headings.current.delete(conflict.lostHlc);
        else headings.current.set(conflict.lostHlc, element);
      }}
      onAction={(action) => void act(conflict, action)}
    />
  );

  return (
    <section class="panel xc-panel xc-review" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1} class="xc-result-heading">
        {open.length > 0 ? t('exchange:conflicts.headingCount', { count: open.length }) : t('exchange:conflicts.heading')}
      </h3>
      <p class="section-intro">{t('exchange:conflicts.intro')}</p>

      {read.kind === 'loading' && <p class="muted">{t('exchange:conflicts.loading')}</p>}
      {read.kind === 'failed' && <p class="banner banner-warning">{t('exchange:conflicts.loadFailed')}</p>}
      {read.kind === 'loaded' && read.invalid > 0 && <p class="banner banner-warning">{t('exchange:conflicts.invalid', { count: read.invalid })}</p>}
      {read.kind === 'loaded' && open.length === 0 && (
        <p class="xc-review-empty">{reviewed.length === 0 ? t('exchange:conflicts.none') : t('exchange:conflicts.allReviewed')}</p>
      )}

      {open.length > 0 && <ul class="xc-review-list">{open.map(item)}</ul>}

      {reviewed.length > 0 && (
        <details class="xc-details xc-reviewed">
          <summary>{t('exchange:conflicts.reviewed', { count: reviewed.length })}</summary>
          <ul class="xc-review-list">{reviewed.map(item)}</ul>
        </details>
      )}

      <p class="xc-status" role="status">
        {announcement}
      </p>
    </section>
  );
}

interface ConflictItemProps {
  readonly conflict: ConflictRow;
  readonly context: ConflictContext;
  readonly ownNode: string | undefined;
  readonly busy: boolean;
  readonly problem: string | undefined;
  readonly headingRef: (element: HTMLHeadingElement | null) => void;
  readonly onAction: (action: Action) => void;
}

function ConflictItem({ conflict, context, ownNode, busy, problem, headingRef, onAction }: ConflictItemProps) {
  const { t, format, data } = context;
  const id = useId();
  const isOpen = conflict.reviewedAt === null;
  const inUse = valueInUse(conflict, data);
  // While an action runs the buttons stay focusable (aria-disabled), so the focus is not lost.
  const press = (action: Action) => () => {
    if (!busy) onAction(action);
  };
  return (
    <li class={`xc-review-item${isOpen ? '' : ' is-reviewed'}`} data-conflict={conflict.lostHlc}>
      <h4 id={`${id}-record`} ref={headingRef} tabIndex={-1} class="xc-review-record xc-result-heading">
        {describeRecord(context, conflict.table, conflict.id)}
      </h4>
      <p class="xc-review-field">{t('exchange:conflicts.field', { field: fieldLabel(t, conflict.field) })}</p>
      <div class="xc-conflict-values">
        <VersionBox conflict={conflict} side="kept" context={context} ownNode={ownNode} />
        <VersionBox conflict={conflict} side="lost" context={context} ownNode={ownNode} />
      </div>
      {inUse === 'lost' && <p class="xc-review-note">{t('exchange:conflicts.inUse.lost')}</p>}
      {inUse === 'other' && <p class="xc-review-note">{t('exchange:conflicts.inUse.other')}</p>}
      {!isOpen && conflict.reviewedAt !== null && (
        <p class="xc-review-note">
          {interpolateNodes(t, 'exchange:conflicts.reviewedAt', {}, { date: <time dateTime={conflict.reviewedAt}>{format.dateTime(new Date(conflict.reviewedAt))}</time> })}
        </p>
      )}
      <div class="xc-actions">
        {isOpen ? (
          <>
            <button type="button" class="button button-primary" aria-disabled={busy ? 'true' : undefined} aria-describedby={`${id}-record`} onClick={press('keep')}>
              {t('exchange:conflicts.keep')}
            </button>
            <button type="button" class="button" aria-disabled={busy ? 'true' : undefined} aria-describedby={`${id}-record`} onClick={press('restore')}>
              {t('exchange:conflicts.useLost')}
            </button>
          </>
        ) : (
          <button type="button" class="button" aria-disabled={busy ? 'true' : undefined} aria-describedby={`${id}-record`} onClick={press('reopen')}>
            {t('exchange:conflicts.reopen')}
          </button>
        )}
      </div>
      {problem !== undefined && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}

function VersionBox({ conflict, side, context, ownNode }: { readonly conflict: ConflictRow; readonly side: VersionSide; readonly context: ConflictContext; readonly ownNode: string | undefined }) {
  const { t, format } = context;
  const id = useId();
  const version = conflict[side];
  const when = versionTime(format, version.hlc);
  return (
    <div class={`xc-conflict-value${side === 'kept' ? ' is-kept' : ''}`} data-side={side}>
      <p class="xc-conflict-side">
        <strong class="xc-review-side">{side === 'kept' ? t('exchange:conflicts.kept') : t('exchange:conflicts.lost')}</strong>{' '}
        <span class="xc-review-byline">
          {interpolateNodes(
            t,
            'exchange:conflicts.byline',
            { who: versionAuthor(t, conflict, side, ownNode) },
            { when: when === undefined ? t('exchange:conflicts.unknownTime') : <time dateTime={when.iso}>{when.text}</time> },
          )}
        </span>
      </p>
      <ValueText id={`${id}-value`} display={formatValue(context, conflict.table, conflict.field, version.value)} />
    </div>
  );
}

function ValueText({ id, display }: { readonly id: string; readonly display: ValueDisplay }) {
  const { t } = useTranslation();
  const [whole, setWhole] = useState(false);
  if (display.kind === 'empty') return <p class="xc-value xc-value-empty">{display.text}</p>;
  const cut = display.excerpt !== undefined;
  return (
    <>
      <p id={id} class="xc-value">
        {cut && !whole ? display.excerpt : display.text}
      </p>
      {cut && (
        <button type="button" class="xc-show-all" aria-expanded={whole} aria-controls={id} onClick={() => setWhole((value) => !value)}>
          {whole ? t('exchange:conflicts.showLess') : t('exchange:conflicts.showAll')}
        </button>
      )}
    </>
  );
}

/**
 * The conflict's field set to a value, as a local edit. The table and field come from the stored
 * conflict, so they are known only at run time: FieldPatch cannot type them, and the store
 * validates the record the patch makes (an unknown field or a bad value is refused as `invalid`).
 */
function writeField(deps: ExchangeDeps, conflict: ConflictRow, value: JsonValue) {
  const patch = { [conflict.field]: value } as FieldPatch<TableName>;
  return deps.store.updateFields(conflict.table, conflict.id, patch);
}
