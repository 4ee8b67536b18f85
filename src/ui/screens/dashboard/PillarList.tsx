import { Fragment } from 'preact';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { FrameworkText } from '../../shared/FrameworkText';
import type { DashboardFormatters } from './dashboardFormatters';

/** Pillars named in running text ("6.5 Data management … and 6.9 Digital infrastructure …"), joined as the language joins lists. */
export function PillarList({ pillarIds, index, fmt }: { readonly pillarIds: readonly string[]; readonly index: FrameworkIndex; readonly fmt: DashboardFormatters }) {
  return (
    <>
      {fmt.listParts(pillarIds.length).map((part, n) => {
        if (part.kind === 'literal') return <Fragment key={n}>{part.text}</Fragment>;
        const pillar = index.pillarById.get(pillarIds[part.index] ?? '');
        if (pillar === undefined) return <Fragment key={n}>{pillarIds[part.index]}</Fragment>;
        // The code first: pillar names contain commas ("Data management, secure data exchange").
        return (
          <span key={n} class="dash-pillar-ref">
            {pillar.code} <FrameworkText value={pillar.name} />
          </span>
        );
      })}
    </>
  );
}
