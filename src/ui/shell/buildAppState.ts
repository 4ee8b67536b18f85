/**
 * The body of AppState (see createAppState.ts), given an i18next instance. With `loadLanguage`,
 * switching language first fetches that language's strings and switches once they are there, so
 * the interface never shows raw keys; without it (every string bundled), switching is immediate.
 */
import { computed, signal } from '@preact/signals';
import type { i18n } from 'i18next';
import { createFormatters } from '../../i18n/createFormatters';
import { createTranslators } from '../../i18n/createTranslators';
import type { Language } from '../../i18n/languages';
import { LANGUAGE_STORAGE_KEY } from '../../i18n/initialLanguage';
import type { AppState, AppStateOptions, KeyValueStorage } from '../createAppState';
import type { FrameworkLoad } from '../loadFramework';

export { LANGUAGE_STORAGE_KEY, initialLanguageOf } from '../../i18n/initialLanguage';
/** "yes" when this device's team requires encrypted bundles (issue 8). */
export const REQUIRE_ENCRYPTION_STORAGE_KEY = 'mmdma.requireEncryptedBundles';
/** The name this device's user gives by default when they create an assessment (Settings). */
export const DEFAULT_NAME_STORAGE_KEY = 'mmdma.defaultName';

export interface BuildAppStateOptions extends AppStateOptions {
  readonly i18n: i18n;
  readonly initialLanguage: Language;
  /** Fetches every string of a language; omit when all are bundled. */
  readonly loadLanguage?: ((language: Language) => Promise<void>) | undefined;
}

export function buildAppState(options: BuildAppStateOptions): AppState {
  const { storage, i18n } = options;
  const translationsLoaded = signal(0);
  const fetchLanguage = options.loadLanguage;
  const fullyLoaded = new Set<Language>();
  const loadLanguage = fetchLanguage
    ? async (of: Language) => {
        await fetchLanguage(of);
        if (fullyLoaded.has(of)) return;
        fullyLoaded.add(of);
        translationsLoaded.value += 1;
      }
    : undefined;
  const language = signal<Language>(options.initialLanguage);
  const formatters = computed(() => createFormatters(language.value));
  const frameworkLoad = signal<FrameworkLoad | undefined>(options.frameworkLoad);
  const framework = computed(() => (frameworkLoad.value?.status === 'ready' ? frameworkLoad.value.framework : undefined));
  const selectedPillarId = signal<string | undefined>(undefined);
  const selectedSubTopicId = signal<string | undefined>(undefined);
  const defaultName = signal<string>(readStored(storage, DEFAULT_NAME_STORAGE_KEY) ?? '');
  const requireEncryptedBundles = signal<boolean>(readStored(storage, REQUIRE_ENCRYPTION_STORAGE_KEY) === 'yes');
  // The language last asked for: a slow fetch of an earlier choice must not override a later one.
  let requested: Language = options.initialLanguage;

  const selectedPillar = computed(() => {
    const pillars = framework.value?.pillars ?? [];
    return pillars.find((pillar) => pillar.id === selectedPillarId.value) ?? pillars[0];
  });
  const selectedSubTopic = computed(() => {
    const subTopics = selectedPillar.value?.subTopics ?? [];
    return subTopics.find((subTopic) => subTopic.id === selectedSubTopicId.value) ?? subTopics[0];
  });

  const switchTo = (next: Language) => {
    // i18next switches synchronously once the strings are there, so by the time the signal
    // re-renders the components, t() already answers in the new language.
    void i18n.changeLanguage(next);
    language.value = next;
  };

  return {
    i18n,
    translator: createTranslators(i18n),
    language,
    formatters,
    frameworkLoad,
    framework,
    selectedPillarId,
    selectedSubTopicId,
    selectedPillar,
    selectedSubTopic,
    setLanguage: (next) => {
      requested = next;
      // Only an explicit choice is stored: a browser preference should keep following the browser.
      writeStored(storage, LANGUAGE_STORAGE_KEY, next);
      if (!loadLanguage) {
        switchTo(next);
        return;
      }
      loadLanguage(next).then(
        () => {
          if (requested === next) switchTo(next);
        },
        (error: unknown) => console.error(`MMDMA Field: the ${next} strings could not be loaded`, error),
      );
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
    defaultName,
    setDefaultName: (name) => {
      const trimmed = name.trim();
      defaultName.value = trimmed;
      writeStored(storage, DEFAULT_NAME_STORAGE_KEY, trimmed);
    },
    requireEncryptedBundles,
    setRequireEncryptedBundles: (required) => {
      requireEncryptedBundles.value = required;
      writeStored(storage, REQUIRE_ENCRYPTION_STORAGE_KEY, required ? 'yes' : 'no');
    },
    translationsReady: () => (loadLanguage ? loadLanguage(language.peek()) : Promise.resolve()),
    translationsLoaded,
  };
}

function readStored(storage: KeyValueStorage | undefined, key: string): string | undefined {
  try {
    return storage?.getItem(key) ?? undefined;
  } catch {
    // Storage can be disabled (private mode, policy); the browser's preference still applies.
    return undefined;
  }
}

function writeStored(storage: KeyValueStorage | undefined, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // A full or disabled storage must not break the interface; the choice just won't be remembered.
  }
}
