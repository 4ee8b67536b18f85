import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ShellState } from './shellState';

export const ShellContext = createContext<ShellState | null>(null);

export function useShell(): ShellState {
  const shell = useContext(ShellContext);
  if (shell === null) throw new Error('useShell() needs a <ShellContext.Provider> above it');
  return shell;
}
