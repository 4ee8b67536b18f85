/**
 * The notes tagged to one indicator × track across all interviews: what was said, by whom it was
 * written down, where (institution and interview date, or desk research), and the level it points
 * to. Filter by source and kind; tick notes as supporting my rating (rating.evidenceIds).
 *
 * A sub-topic can collect hundreds of notes: rows are memoised, and only the first
 * EVIDENCE_PAGE_SIZE are drawn until asked for more.
 */
import { memo } from 'preact/compat';
import { useMemo, useState } from 'preact/hooks';
import type { Assessor } from '../../../core/assessment/assessorSchema';
import type { Observation, ObservationKind } from '../../../core/assessment/observationSchema';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { useTranslation } from '../../useTranslation';
import { localDate, type AssessmentMaps } from './assessmentMaps';
import { DESK_RESEARCH, evidenceSourceOf, filterEvidence, NO_FILTER, sourcesIn, UNKNOWN_SOURCE, type EvidenceFilter, type EvidenceSource } from './evidenceSource';
import { LevelLabel } from './LevelLabel';

export const EVIDENCE_PAGE_SIZE = 25;

interface EvidencePanelProps {
  readonly index: FrameworkIndex;
  /** Unique on the page. */
  readonly idPrefix: string;
  readonly heading: string;
  readonly observations: readonly Observation[];
  readonly maps: AssessmentMaps;
  /** Ids ticked as supporting my rating; undefined when I cannot link (no rating, no "me"). */
  readonly linked: ReadonlySet<string> | undefined;
  readonly linkHint?: string | undefined;
  readonly onToggleLink?: ((observationId: string) => void) | undefined;
  readonly open?: boolean;
}

export function EvidencePanel({ index, idPrefix, heading, observations, maps, linked, linkHint, onToggleLink, open = true }: EvidencePanelProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<EvidenceFilter>(NO_FILTER);
  const [limit, setLimit] = useState(EVIDENCE_PAGE_SIZE);

  const sourceOf = useMemo(() => {
    const cache = new Map<string, EvidenceSource>();
    return (observation: Observation): EvidenceSource => {
      let source = cache.get(observation.id);
      if (!source) {
        source = evidenceSourceOf(observation, maps.interviewById, maps.institutionById);
        cache.set(observation.id, source);
      }
      return source;
    };
  }, [maps]);
  const sourceKey = (observation: Observation) => sourceOf(observation).key;
  const sources = useMemo(() => sourcesIn(observations, sourceKey), [observations, sourceOf]);
  // A filter on a source that has no notes any more would hide everything without saying why.
  const effective: EvidenceFilter = filter.source !== 'all' && !sources.has(filter.source) ? { ...filter, source: 'all' } : filter;
  const shown = useMemo(() => filterEvidence(observations, effective, sourceKey), [observations, effective.kind, effective.source, sourceOf]);
  const linkedCount = linked === undefined ? 0 : observations.filter((observation) => linked.has(observation.id)).length;

  const sourceName = (key: string): string => {
    if (key === DESK_RESEARCH) return t('rating:evidence.deskResearch');
    if (key === UNKNOWN_SOURCE) return t('rating:evidence.unknownSource');
    const institution = maps.institutionById.get(key);
    return institution ? institutionLabel(institution.name, institution.acronym) : key;
  };
  const kinds: ReadonlyArray<readonly [ObservationKind, string]> = [
    ['quote', t('rating:kind.quote')],
    ['evidence', t('rating:kind.evidence')],
    ['note', t('rating:kind.note')],
  ];

  return (
    <details class="evidence-panel" open={open}>
      <summary>
        <span class="evidence-heading">{heading}</span>{' '}
        <span class="evidence-count">{t('rating:evidence.count', { count: observations.length })}</span>
        {linkedCount > 0 && <span class="evidence-linked-count"> · {t('rating:evidence.linkedCount', { count: linkedCount })}</span>}
      </summary>
      {observations.length === 0 ? (
        <p class="muted evidence-empty">{t('rating:evidence.none')}</p>
      ) : (
        <>
          <div class="evidence-filters">
            <label>
              <span>{t('rating:evidence.filterSource')}</span>
              <select value={effective.source} onChange={(event) => setFilter({ ...effective, source: event.currentTarget.value })}>
                <option value="all">{t('rating:evidence.allSources')}</option>
                {[...sources].map(([key, count]) => (
                  <option key={key} value={key}>
                    {t('rating:evidence.sourceOption', { source: sourceName(key), n: count })}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('rating:evidence.filterKind')}</span>
              <select
                value={effective.kind}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setFilter({ ...effective, kind: value === 'quote' || value === 'evidence' || value === 'note' ? value : 'all' });
                }}
              >
                <option value="all">{t('rating:evidence.allKinds')}</option>
                {kinds.map(([kind, label]) => (
                  <option key={kind} value={kind}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <p class="evidence-shown" role="status">
              {t('rating:evidence.shown', { shown: shown.length, count: observations.length })}
            </p>
          </div>
          {linkHint && <p class="muted evidence-link-hint">{linkHint}</p>}
          <ul class="evidence-list">
            {shown.slice(0, limit).map((observation) => (
              <EvidenceRow
                key={observation.id}
                index={index}
                idPrefix={idPrefix}
                observation={observation}
                source={sourceOf(observation)}
                sourceName={sourceName(sourceOf(observation).key)}
                author={maps.assessorById.get(observation.authorId)}
                linked={linked?.has(observation.id)}
                onToggleLink={onToggleLink}
              />
            ))}
          </ul>
          {shown.length > limit && (
            <button type="button" class="rf-button" onClick={() => setLimit(shown.length)}>
              {t('rating:evidence.showAll', { count: shown.length })}
            </button>
          )}
        </>
      )}
    </details>
  );
}

export function institutionLabel(name: string, acronym: string): string {
  return acronym && acronym !== name ? `${name} (${acronym})` : name;
}

interface EvidenceRowProps {
  readonly index: FrameworkIndex;
  readonly idPrefix: string;
  readonly observation: Observation;
  readonly source: EvidenceSource;
  readonly sourceName: string;
  readonly author: Assessor | undefined;
  /** undefined: linking not possible here. */
  readonly linked: boolean | undefined;
  readonly onToggleLink: ((observationId: string) => void) | undefined;
}

/** Storage hands out new objects on every read, so rows compare the fields they show. */
function sameRow(a: EvidenceRowProps, b: EvidenceRowProps): boolean {
  const x = a.observation;
  const y = b.observation;
  return (
    a.index === b.index &&
    a.idPrefix === b.idPrefix &&
    a.linked === b.linked &&
    a.sourceName === b.sourceName &&
    a.source.interview?.date === b.source.interview?.date &&
    a.author?.name === b.author?.name &&
    (a.onToggleLink === undefined) === (b.onToggleLink === undefined) &&
    x.id === y.id &&
    x.text === y.text &&
    x.kind === y.kind &&
    x.source === y.source &&
    x.suggestedLevel === y.suggestedLevel
  );
}

const EvidenceRow = memo(function EvidenceRow({ index, idPrefix, observation, source, sourceName, author, linked, onToggleLink }: EvidenceRowProps) {
  const { t, format } = useTranslation();
  const checkboxId = `${idPrefix}-link-${observation.id}`;
  const textId = `${idPrefix}-text-${observation.id}`;
  const kindLabel = { quote: t('rating:kind.quote'), evidence: t('rating:kind.evidence'), note: t('rating:kind.note') }[observation.kind];
  const reference = observation.source?.trim();
  return (
    <li class={`evidence-row kind-${observation.kind}${linked ? ' is-linked' : ''}`}>
      <div class="evidence-meta-top">
        <span class={`kind-badge kind-badge-${observation.kind}`}>{kindLabel}</span>
        {observation.suggestedLevel !== null && (
          <span class="suggested-level">
            {t('rating:evidence.suggests')} <LevelLabel index={index} level={observation.suggestedLevel} />
          </span>
        )}
      </div>
      {observation.kind === 'quote' ? (
        <blockquote id={textId} class="evidence-text">
          {observation.text}
        </blockquote>
      ) : (
        <p id={textId} class="evidence-text">
          {observation.text}
        </p>
      )}
      {reference && (
        <p class="evidence-reference">
          <span class="muted">{t('rating:evidence.reference')}</span>{' '}
          {/^https?:\/\//i.test(reference) ? (
            <a href={reference} target="_blank" rel="noopener noreferrer">
              {reference}
            </a>
          ) : (
            reference
          )}
        </p>
      )}
      <p class="evidence-meta">
        <span>{sourceName}</span>
        {source.interview && <span>{format.date(localDate(source.interview.date))}</span>}
        <span>{t('rating:evidence.author', { name: author?.name ?? t('rating:unknownAssessor') })}</span>
      </p>
      {linked !== undefined && onToggleLink && (
        <label class="evidence-link" for={checkboxId}>
          <input id={checkboxId} type="checkbox" checked={linked} aria-describedby={textId} onChange={() => onToggleLink(observation.id)} />
          <span>{t('rating:evidence.supports')}</span>
        </label>
      )}
    </li>
  );
}, sameRow);
