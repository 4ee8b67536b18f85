/**
 * What the exchange screen needs beyond the shell's contract: the ONE database handle and store the
 * app runs on. Bundles read the change log and write through `store.applyChanges`, below the
 * session's record writer, so the screen needs the storage objects themselves.
 *
 * Where they come from, first found wins:
 * 1. `ExchangeDepsContext` (tests, or the shell providing it);
 * 2. `shell.exchange` — the addition asked of the shell: `exchange: { db, store }` on ShellState,
 *    set by createShellState from the options it already receives;
 * 3. until the shell has it: a handle this screen opens itself on the same database (Dexie shares
 *    change notifications between handles in one page, so live queries still see the import) and
 *    closes when the screen goes. Remove this step once `shell.exchange` exists.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useMemo } from 'preact/hooks';
import { createStore, openDatabase, type MmdmaDatabase, type Store } from '../../../storage';
import { useShell } from '../../shell/ShellContext';

export interface ExchangeDeps {
  readonly db: MmdmaDatabase;
  readonly store: Store;
}

export const ExchangeDepsContext = createContext<ExchangeDeps | null>(null);

function isExchangeDeps(value: unknown): value is ExchangeDeps {
  return typeof value === 'object' && value !== null && 'db' in value && 'store' in value && typeof value.store === 'object' && value.store !== null;
}

/** The exchange deps the shell offers, if it does (see the module comment). */
export function shellExchangeDeps(shell: object): ExchangeDeps | undefined {
  if (!('exchange' in shell)) return undefined;
  return isExchangeDeps(shell.exchange) ? shell.exchange : undefined;
}

export function useExchangeDeps(): ExchangeDeps {
  const provided = useContext(ExchangeDepsContext);
  const shell = useShell();
  const given = provided ?? shellExchangeDeps(shell);
  const own = useMemo<ExchangeDeps | undefined>(() => {
    if (given !== undefined) return undefined;
    const db = openDatabase();
    return { db, store: createStore(db) };
    // Opened once per mounted screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => () => own?.db.close(), [own]);
  if (given !== undefined) return given;
  if (own === undefined) throw new Error('useExchangeDeps: the shell stopped providing the database while the screen was open');
  return own;
}
