/**
 * One indicator's scale: levels as columns, tracks as rows, so an assessor reads across a row to
 * place what they heard. The framework's target level is highlighted down its column.
 *
 * On a tablet the stylesheet lays rows out as grids (the track name above its four descriptors) to
 * give the descriptors room; the explicit ARIA table roles keep the table a table for screen
 * readers, which some browsers stop doing once `display` is changed.
 */
import { SHARED_TRACK_KEY, type DescriptorSet, type Framework, type Indicator } from '../../../core/framework/frameworkSchema';
import type { ComponentChild } from 'preact';
import { resolveLocalized } from '../../../i18n/localize';
import { BreakableText } from '../../shared/BreakableText';
import { FrameworkText } from '../../shared/FrameworkText';
import { SourceBadge } from '../../shared/SourceBadge';
import { useTranslation } from '../../useTranslation';

interface DescriptorTableProps {
  readonly framework: Framework;
  readonly indicator: Indicator;
}

interface Row {
  readonly key: string;
  readonly label: ComponentChild;
  /** Undefined when the indicator is not judged on this track (the report's 6.4.2, migration). */
  readonly descriptors: DescriptorSet | undefined;
}

export function DescriptorTable({ framework, indicator }: DescriptorTableProps) {
  const { t, text, language } = useTranslation();
  const shared = indicator.descriptors[SHARED_TRACK_KEY];
  const rows: Row[] = shared
    ? [{ key: SHARED_TRACK_KEY, label: t('explorer:indicator.sharedTrack'), descriptors: shared }]
    : framework.tracks.map((track) => ({
        key: track.id,
        label: <FrameworkText value={track.name} />,
        descriptors: indicator.descriptors[track.id],
      }));
  const levelClass = (levelId: string) => (levelId === framework.targetLevel ? 'level-cell is-target' : 'level-cell');

  return (
    <table class="descriptor-table" role="table" style={{ '--level-count': framework.levels.length }}>
      <caption class="visually-hidden">{t('explorer:indicator.tableCaption', { code: indicator.code })}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" class="track-column" role="columnheader">
            {t('explorer:indicator.trackColumn')}
          </th>
          {framework.levels.map((level) => (
            <th key={level.id} scope="col" class={levelClass(level.id)} role="columnheader">
              <span class="level-name">
                <FrameworkText value={level.name} />
              </span>
              {level.id === framework.targetLevel && <span class="target-badge">{t('explorer:levels.target')}</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {rows.map((row) => (
          <tr key={row.key} role="row">
            <th scope="row" class="track-column" role="rowheader">
              {row.label}
            </th>
            {row.descriptors === undefined ? (
              <td colSpan={framework.levels.length} class="no-statement" role="cell">
                {t('explorer:indicator.noStatement')}
              </td>
            ) : (
              framework.levels.map((level) => {
                const descriptor = row.descriptors?.[level.id];
                const resolved = descriptor && resolveLocalized(descriptor.text, language);
                return (
                  <td key={level.id} class={levelClass(level.id)} data-level={text(level.name)} role="cell">
                    {descriptor && resolved ? (
                      <>
                        <p class="descriptor-text" lang={resolved.language === language ? undefined : resolved.language}>
                          <BreakableText text={resolved.text} />
                        </p>
                        <SourceBadge source={descriptor.source} />
                      </>
                    ) : (
                      <p class="muted">{t('explorer:indicator.missingDescriptor')}</p>
                    )}
                  </td>
                );
              })
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
