/**
 * All UI state lives in signals built here, once per app, and reaches components through
 * AppStateContext. Nothing is module-level, so tests build as many independent apps as they like.
 *
 * `createAppState` builds its own i18next instance with every string bundled (tests, tools). The
 * app itself uses `buildAppState` (src/ui/shell/buildAppState.ts) with an instance whose languages
 * are fetched on demand, which keeps the strings of other languages and screens out of the first
 * download; both build the same AppState.
 */
import type { ReadonlySignal, Signal } from '@preact/signals';
import type { i18n, TFunction } from 'i18next';
import type { Framework, Pillar, SubTopic } from '../core/framework/frameworkSchema';
import type { Formatters } from '../i18n/createFormatters';
import { createI18n } from '../i18n/createI18n';
import type { Language } from '../i18n/languages';
import type { FrameworkLoad } from './loadFramework';
import { buildAppState, initialLanguageOf } from './shell/buildAppState';

export { DEFAULT_NAME_STORAGE_KEY, LANGUAGE_STORAGE_KEY } from './shell/buildAppState';

/** The slice of Web Storage the app uses, so tests can pass a Map-backed fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface AppStateOptions {
  /** The framework the explorer shows; omit while it is still loading. */
  readonly frameworkLoad?: FrameworkLoad | undefined;
  /** Where the language choice is kept; omit for none (it then lasts for the session only). */
  readonly storage?: KeyValueStorage | undefined;
  /** The browser's preferences (`navigator.languages`), used when nothing is stored. */
  readonly preferredLanguages?: readonly string[] | undefined;
}

export interface AppState {
  readonly i18n: i18n;
  /** The translate function of a language, remembering plain lookups (src/i18n/createTranslators.ts). */
  readonly translator: (language: string) => TFunction;
  readonly language: ReadonlySignal<Language>;
  readonly formatters: ReadonlySignal<Formatters>;
  /** Undefined while the built-in framework is still being loaded. */
  readonly frameworkLoad: Signal<FrameworkLoad | undefined>;
  readonly framework: ReadonlySignal<Framework | undefined>;
  readonly selectedPillarId: ReadonlySignal<string | undefined>;
  readonly selectedSubTopicId: ReadonlySignal<string | undefined>;
  /** The selected pillar, or the first one when nothing (or something stale) is selected. */
  readonly selectedPillar: ReadonlySignal<Pillar | undefined>;
  /** The selected sub-topic of the selected pillar, or that pillar's first sub-topic. */
  readonly selectedSubTopic: ReadonlySignal<SubTopic | undefined>;
  readonly setLanguage: (language: Language) => void;
  readonly selectPillar: (pillarId: string) => void;
  readonly selectSubTopic: (subTopicId: string) => void;
  /** "My name", prefilled as the lead of a new assessment; empty when not set. */
  readonly defaultName: ReadonlySignal<string>;
  readonly setDefaultName: (name: string) => void;
  /**
   * The team requires encrypted bundles: a plain bundle is then refused on import, with a message
   * saying why (`encryption-required`). Kept on this device; off unless someone turns it on.
   */
  readonly requireEncryptedBundles: ReadonlySignal<boolean>;
  readonly setRequireEncryptedBundles: (required: boolean) => void;
  /** Resolves when every string of the current language is loaded (screens wait for it). */
  readonly translationsReady: () => Promise<void>;
  /**
   * Counts the language loads that completed; the app's root reads it, so text drawn before the
   * rest of a language arrived (the explorer's title in the header) is drawn again once it has.
   */
  readonly translationsLoaded: ReadonlySignal<number>;
}

export function createAppState(options: AppStateOptions): AppState {
  const initialLanguage = initialLanguageOf(options.storage, options.preferredLanguages);
  return buildAppState({ ...options, initialLanguage, i18n: createI18n(initialLanguage) });
}
