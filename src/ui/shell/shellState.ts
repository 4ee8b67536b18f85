/**
 * The app shell's state, beside AppState (language, frameworks): where we are (route), the open
 * assessment (session), the assessments on this device, storage health, notices and autosave.
 * Built once by createShellState and passed by ShellContext; screens use `useShell()`.
 */
import type { ReadonlySignal } from '@preact/signals';
import type { Assessment } from '../../core/assessment/assessmentSchema';
import type { Route } from '../routing/route';
import type { AssessmentSession } from '../session/assessmentSession';
import type { Autosave } from './autosave';
import type { RecordWriter } from '../session/assessmentSession';

export interface StorageHealth {
  readonly usageBytes: number | null;
  readonly quotaBytes: number | null;
  /** True when the browser promised not to evict our data. */
  readonly persisted: boolean;
}

export type NoticeKind = 'info' | 'success' | 'error';

export interface Notice {
  readonly id: number;
  readonly kind: NoticeKind;
  /** Already translated. */
  readonly message: string;
}

export interface ShellState {
  readonly route: ReadonlySignal<Route>;
  readonly navigate: (route: Route, options?: { readonly replace?: boolean }) => void;
  /** The open assessment, when the route names one; null elsewhere. */
  readonly session: ReadonlySignal<AssessmentSession | null>;
  /** Assessments stored on this device (archived included; screens filter), null while loading. */
  readonly assessments: ReadonlySignal<readonly Assessment[] | null>;
  /** Writes that do not belong to an open assessment (creating one, the list's archive button). */
  readonly writer: RecordWriter;
  readonly autosave: Autosave;
  readonly storage: ReadonlySignal<StorageHealth | null>;
  readonly refreshStorage: () => Promise<void>;
  readonly requestPersistence: () => Promise<boolean>;
  readonly notices: ReadonlySignal<readonly Notice[]>;
  readonly notify: (kind: NoticeKind, message: string) => void;
  readonly dismissNotice: (id: number) => void;
}
