/**
 * All UI state lives in signals built here, once per app, and reaches components through
 * AppStateContext. Nothing is module-level, so tests build as many independent apps as they like.
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { i18n } from 'i18next';
import type { Framework, Pillar, SubTopic } from '../core/framework/frameworkSchema';
import { createFormatters, type Formatters } from '../i18n/createFormatters';
import { createI18n } from '../i18n/createI18n';
import { isLanguage, pickLanguage, type Language } from '../i18n/languages';
import type { FrameworkLoad } from './loadFramework';

export const LANGUAGE_STORAGE_KEY = 'mmdma.language';

/** The slice of Web Storage the app uses, so tests can pass a Map-backed fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface AppStateOptions {
  readonly frameworkLoad: FrameworkLoad;
  /** Where the language choice is kept; omit for none (it then lasts for the session only). */
  readonly storage?: KeyValueStorage | undefined;
  /** The browser's preferences (`navigator.languages`), used when nothing is stored. */
  readonly preferredLanguages?: readonly string[] | undefined;
}

export interface AppState {
  readonly i18n: i18n;
  readonly language: ReadonlySignal<Language>;
  readonly formatters: ReadonlySignal<Formatters>;
  readonly frameworkLoad: Signal<FrameworkLoad>;
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
}

export function createAppState(options: AppStateOptions): AppState {
  const { storage } = options;
  const initialLanguage = pickLanguage([readStoredLanguage(storage), ...(options.preferredLanguages ?? [])]);
  const i18n = createI18n(initialLanguage);

  const language = signal<Language>(initialLanguage);
  const formatters = computed(() => createFormatters(language.value));
  const frameworkLoad = signal<FrameworkLoad>(options.frameworkLoad);
  const framework = computed(() => (frameworkLoad.value.status === 'ready' ? frameworkLoad.value.framework : undefined));
  const selectedPillarId = signal<string | undefined>(undefined);
  const selectedSubTopicId = signal<string | undefined>(undefined);

  const selectedPillar = computed(() => {
    const pillars = framework.value?.pillars ?? [];
    return pillars.find((pillar) => pillar.id === selectedPillarId.value) ?? pillars[0];
  });
  const selectedSubTopic = computed(() => {
    const subTopics = selectedPillar.value?.subTopics ?? [];
    return subTopics.find((subTopic) => subTopic.id === selectedSubTopicId.value) ?? subTopics[0];
  });

  return {
    i18n,
    language,
    formatters,
    frameworkLoad,
    framework,
    selectedPillarId,
    selectedSubTopicId,
    selectedPillar,
    selectedSubTopic,
    setLanguage: (next) => {
      // i18next switches synchronously (every namespace is bundled), so by the time the signal
      // re-renders the components, t() already answers in the new language. Only an explicit
      // choice is stored: a browser preference should keep following the browser.
      void i18n.changeLanguage(next);
      writeStoredLanguage(storage, next);
      language.value = next;
    },
    selectPillar: (pillarId) => {
      if (pillarId === selectedPillar.value?.id) return;
      if (!framework.value?.pillars.some((pillar) => pillar.id === pillarId)) return;
      selectedPillarId.value = pillarId;
      // A sub-topic belongs to one pillar; keeping the old id would only ever fall back anyway.
      selectedSubTopicId.value = undefined;
    },
    selectSubTopic: (subTopicId) => {
      selectedSubTopicId.value = subTopicId;
    },
  };
}

function readStoredLanguage(storage: KeyValueStorage | undefined): Language | undefined {
  try {
    const stored = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    // Storage can be disabled (private mode, policy); the browser's preference still applies.
    return undefined;
  }
}

function writeStoredLanguage(storage: KeyValueStorage | undefined, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // A full or disabled storage must not break switching language; it just won't be remembered.
  }
}
