import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AppState } from './createAppState';

export const AppStateContext = createContext<AppState | null>(null);

export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (state === null) throw new Error('useAppState() needs an <AppStateContext.Provider> above it');
  return state;
}
