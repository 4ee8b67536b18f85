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
import type { Framework } from '../../core/framework/frameworkSchema';
import type { Result } from '../../core/result';
import type { StorageFailure } from '../../storage/storageFailure';
import type { MmdmaDatabase, Store } from '../../storage';
import type { SessionStatus } from '../session/createAssessmentSession';
import type { InstallFailure, UnreadableFramework } from './frameworkRegistry';
import type { InstalledFramework } from './installedFrameworks';

export interface StorageHealth {
  readonly usageBytes: number | null;
  readonly quotaBytes: number | null;
  /** True when the browser promised not to evict our data. */
  readonly persisted: boolean;
  /** False where `navigator.storage.persist()` is absent: nothing to ask, only advice to give. */
  readonly canAsk: boolean;
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
  /**
   * `replace`: the history entry is replaced, not pushed. `quiet` (with replace): only the URL is
   * written; the route, and so the app, is left as it is, because the screen already shows what
   * the URL now says (a search typed into it). A later hashchange (Back, a link) routes as usual.
   */
  readonly navigate: (route: Route, options?: { readonly replace?: boolean; readonly quiet?: boolean }) => void;
  /** The open assessment, when the route names one; null elsewhere. */
  readonly session: ReadonlySignal<AssessmentSession | null>;
  /** Assessments stored on this device (archived included; screens filter), null while loading. */
  readonly assessments: ReadonlySignal<readonly Assessment[] | null>;
  /** Writes that do not belong to an open assessment (creating one, the list's archive button). */
  readonly writer: RecordWriter;
  /**
   * The app's one database handle and store, for the exchange screen: bundles read the change log
   * and write through `store.applyChanges`, below the record writer. No other screen uses them.
   */
  readonly exchange: { readonly db: MmdmaDatabase; readonly store: Store };
  readonly autosave: Autosave;
  readonly storage: ReadonlySignal<StorageHealth | null>;
  readonly refreshStorage: () => Promise<void>;
  readonly requestPersistence: () => Promise<boolean>;
  readonly notices: ReadonlySignal<readonly Notice[]>;
  readonly notify: (kind: NoticeKind, message: string) => void;
  readonly dismissNotice: (id: number) => void;

  // ---- Added by the shell implementation (extensions; nothing above changed) ----

  /**
   * Settles when the screen the app opened on shows what it shows first (whenFirstScreenSettled.ts):
   * work that screen does not need waits for it.
   */
  readonly firstScreenSettled: Promise<void>;
  /** Where the open session stands: 'none' off assessment routes; see SessionStatus otherwise. */
  readonly sessionStatus: ReadonlySignal<SessionStatus | 'none'>;
  /** Built-in frameworks, then imported ones; assessments name theirs by id and version. */
  readonly frameworks: ReadonlySignal<readonly InstalledFramework[]>;
  /** False until the imported frameworks have been read once (an assessment's may be among them). */
  readonly frameworksLoaded: ReadonlySignal<boolean>;
  /** Stored imported frameworks that no longer validate, shown in Settings. */
  readonly unreadableFrameworks: ReadonlySignal<readonly UnreadableFramework[]>;
  /** Stores a validated framework on this device (refused if its id and version are taken). */
  readonly installFramework: (framework: Framework, fileName: string) => Promise<Result<InstalledFramework, InstallFailure>>;
  readonly removeFramework: (id: string, version: string) => Promise<Result<void, StorageFailure>>;
  /** Remembers which assessor this device speaks for in an assessment that is not open (after creating it). */
  readonly rememberMe: (assessmentId: string, assessorId: string) => void;
  /** Stops watchers, timers and listeners (tests, hot reload). */
  readonly dispose: () => void;
}
