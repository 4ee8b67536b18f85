/**
 * Reordering with immediate feedback: a move is shown at once (rank overrides on top of the stored
 * ranks), written record by record, and the overrides are dropped as storage catches up. A failed
 * write drops them all, so the screen falls back to what is stored, and says so.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../../../core/assessment/findingSchema';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import { storageFailureMessage } from '../rating/storageFailureMessage';
import type { RankUpdate } from '../../../core/analysis/rankOrder';

export interface RankMoves {
  /** Ranks shown in place of the stored ones until storage has them. */
  readonly overrides: ReadonlyMap<string, number | null>;
  /** Shows and writes rank updates; resolves false if a write failed. */
  readonly commit: (updates: readonly RankUpdate[]) => Promise<boolean>;
}

export function useRankMoves(findings: readonly Finding[]): RankMoves {
  const shell = useShell();
  const { t } = useTranslation();
  const [overrides, setOverrides] = useState<ReadonlyMap<string, number | null>>(new Map());
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    if (overrides.size === 0) return;
    const stored = new Map(findings.map((finding) => [finding.id, finding.rank] as const));
    const pending = new Map([...overrides].filter(([id, rank]) => stored.has(id) && stored.get(id) !== rank));
    if (pending.size !== overrides.size) setOverrides(pending);
  }, [findings, overrides]);

  const commit = useCallback(
    async (updates: readonly RankUpdate[]): Promise<boolean> => {
      const session = shell.session.value;
      if (!session || updates.length === 0) return true;
      setOverrides((previous) => new Map([...previous, ...updates.map((update) => [update.id, update.rank] as const)]));
      for (const update of updates) {
        const result = await session.writer.update('finding', update.id, { rank: update.rank });
        if (!result.ok) {
          const t = tRef.current;
          shell.notify('error', storageFailureMessage(t, result.error, t('findings:what.order')));
          setOverrides(new Map());
          return false;
        }
      }
      return true;
    },
    [shell],
  );

  return { overrides, commit };
}
