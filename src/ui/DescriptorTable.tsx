/**
 * One indicator's scale: levels as columns, tracks as rows, so an assessor reads across a row to
 * place what they heard. The framework's target level is highlighted down its column.
 */
import { SHARED_TRACK_KEY, type DescriptorSet, type Framework, type Indicator } from '../core/framework/frameworkSchema';
import { SourceBadge } from './SourceBadge';
import { useTranslation } from './useTranslation';

interface DescriptorTableProps {
  readonly framework: Framework;
  readonly indicator: Indicator;
}

interface Row {
  readonly key: string;
  readonly label: string;
  /** Undefined when the indicator is not judged on this track (the report's 6.4.2, migration). */
  readonly descriptors: DescriptorSet | undefined;
}

export function DescriptorTable({ framework, indicator }: DescriptorTableProps) {
  const { t, text } = useTranslation();
  const shared = indicator.descriptors[SHARED_TRACK_KEY];
  const rows: Row[] = shared
    ? [{ key: SHARED_TRACK_KEY, label: t('explorer:indicator.sharedTrack'), descriptors: shared }]
    : framework.tracks.map((track) => ({ key: track.id, label: text(track.name), descriptors: indicator.descriptors[track.id] }));
  const levelClass = (levelId: string) => (levelId === framework.targetLevel ? 'level-cell is-target' : 'level-cell');

  return (
    <table class="descriptor-table">
        <caption class="visually-hidden">{t('explorer:indicator.tableCaption', { code: indicator.code })}</caption>
        <thead>
          <tr>
            <th scope="col" class="track-column">
              {t('explorer:indicator.trackColumn')}
            </th>
            {framework.levels.map((level) => (
              <th key={level.id} scope="col" class={levelClass(level.id)}>
                <span class="level-name">{text(level.name)}</span>
                {level.id === framework.targetLevel && <span class="target-badge">{t('explorer:levels.target')}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" class="track-column">
                {row.label}
              </th>
              {row.descriptors === undefined ? (
                <td colSpan={framework.levels.length} class="no-statement">
                  {t('explorer:indicator.noStatement')}
                </td>
              ) : (
                framework.levels.map((level) => {
                  const descriptor = row.descriptors?.[level.id];
                  return (
                    <td key={level.id} class={levelClass(level.id)} data-level={text(level.name)}>
                      {descriptor ? (
                        <>
                          <p class="descriptor-text">{text(descriptor.text)}</p>
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
