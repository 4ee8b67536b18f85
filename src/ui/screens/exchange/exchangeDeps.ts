/**
 * What the exchange screen needs beyond the shell's contract: the ONE database handle and store the
 * app runs on. Bundles read the change log and write through `store.applyChanges`, below the
 * session's record writer, so the screen needs the storage objects themselves.
 *
 * They come from `ExchangeDepsContext` when a test provides it, else from `shell.exchange`.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { MmdmaDatabase, Store } from '../../../storage';
import { useShell } from '../../shell/ShellContext';

export interface ExchangeDeps {
  readonly db: MmdmaDatabase;
  readonly store: Store;
}

export const ExchangeDepsContext = createContext<ExchangeDeps | null>(null);

export function useExchangeDeps(): ExchangeDeps {
  const provided = useContext(ExchangeDepsContext);
  const shell = useShell();
  return provided ?? shell.exchange;
}
