/**
 * The report's "Key recommendations": recommendations from any pillar, ranked. Move with the Up and
 * Down buttons or Alt+↑ / Alt+↓ on any control of an item; only the moved items' ranks are
 * rewritten. The text is edited where the recommendation lives, under its pillar.
 */
import type { JSX } from 'preact';
import type { Finding } from '../../../core/assessment/findingSchema';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { FrameworkText } from '../../shared/FrameworkText';
import { formatRoute } from '../../routing/route';
import { useTranslation } from '../../useTranslation';

interface KeyRecommendationsProps {
  readonly assessmentId: string;
  readonly index: FrameworkIndex;
  readonly items: readonly Finding[];
  readonly editable: boolean;
  readonly areaOf: (trackId: string) => string;
  readonly onMove: (id: string, delta: number) => void;
  readonly onRemove: (finding: Finding) => void;
}

export function KeyRecommendations({ assessmentId, index, items, editable, areaOf, onMove, onRemove }: KeyRecommendationsProps) {
  const { t } = useTranslation();
  const onKeyDown = (id: string) => (event: JSX.TargetedKeyboardEvent<HTMLLIElement>) => {
    if (!editable || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      onMove(id, event.key === 'ArrowUp' ? -1 : 1);
    }
  };
  return (
    <section class="key-recommendations" aria-labelledby="key-recommendations-heading">
      <h3 id="key-recommendations-heading" tabIndex={-1}>
        {t('findings:key.heading')}
      </h3>
      <p class="muted">{t('findings:key.explanation')}</p>
      {items.length === 0 ? (
        <p class="muted">{t('findings:key.none')}</p>
      ) : (
        <ol class="key-list">
          {items.map((finding, i) => {
            const pillar = index.pillarById.get(finding.pillarId);
            const name = t('findings:key.itemName', { n: i + 1 });
            return (
              <li key={finding.id} class="key-item" data-finding-id={finding.id} onKeyDown={onKeyDown(finding.id)}>
                <p class="key-text">{finding.text.trim() === '' ? <span class="muted">{t('findings:item.empty')}</span> : finding.text}</p>
                <p class="key-meta">
                  <a href={formatRoute({ screen: 'findings', assessmentId, pillarId: finding.pillarId })}>
                    {pillar ? (
                      <>
                        {pillar.code} <FrameworkText value={pillar.name} />
                      </>
                    ) : (
                      finding.pillarId
                    )}
                  </a>
                  <span> · {areaOf(finding.trackId)}</span>
                </p>
                {editable && (
                  <p class="finding-actions">
                    <button type="button" class="rf-button rf-button-small" data-control="up" disabled={i === 0} onClick={() => onMove(finding.id, -1)}>
                      <span aria-hidden="true">↑ </span>
                      {t('findings:item.up')}
                      <span class="visually-hidden"> — {name}</span>
                    </button>
                    <button type="button" class="rf-button rf-button-small" data-control="down" disabled={i === items.length - 1} onClick={() => onMove(finding.id, 1)}>
                      <span aria-hidden="true">↓ </span>
                      {t('findings:item.down')}
                      <span class="visually-hidden"> — {name}</span>
                    </button>
                    <button type="button" class="rf-button rf-button-small" data-control="remove" onClick={() => onRemove(finding)}>
                      {t('findings:key.remove')}
                      <span class="visually-hidden"> — {name}</span>
                    </button>
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
