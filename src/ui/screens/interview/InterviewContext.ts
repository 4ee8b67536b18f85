import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Autosave } from '../../shell/autosave';
import type { NoticeKind } from '../../shell/shellState';
import type { InterviewModel } from './interviewModel';
import type { InterviewWrites } from './interviewWrites';

/** What every part of the interview screen shares; one stable object per mounted screen. */
export interface InterviewContextValue {
  readonly model: InterviewModel;
  readonly writes: InterviewWrites;
  readonly autosave: Autosave;
  readonly notify: (kind: NoticeKind, message: string) => void;
  /** Shows "… deleted. Undo" for a while; `undo` runs if the assessor takes the offer. */
  readonly offerUndo: (message: string, undo: () => void) => void;
  /** Polite announcement for screen readers ("Note saved"). */
  readonly announce: (message: string) => void;
}

export const InterviewContext = createContext<InterviewContextValue | null>(null);

export function useInterview(): InterviewContextValue {
  const value = useContext(InterviewContext);
  if (value === null) throw new Error('useInterview() needs the InterviewScreen above it');
  return value;
}
