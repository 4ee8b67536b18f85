/**
 * Interface strings, bundled: the app must work offline from the first screen, and three small
 * JSON files cost less than a loader. One namespace per screen keeps the files reviewable by
 * translators; `common` holds the shell.
 */
import type { Resource } from 'i18next';
import enCommon from '../../locales/en/common.json';
import enExplorer from '../../locales/en/explorer.json';
import hyCommon from '../../locales/hy/common.json';
import hyExplorer from '../../locales/hy/explorer.json';
import ruCommon from '../../locales/ru/common.json';
import ruExplorer from '../../locales/ru/explorer.json';
import type { Language } from './languages';

export const NAMESPACES = ['common', 'explorer'] as const;
export type Namespace = (typeof NAMESPACES)[number];
export const DEFAULT_NAMESPACE: Namespace = 'common';

export const resources = {
  en: { common: enCommon, explorer: enExplorer },
  hy: { common: hyCommon, explorer: hyExplorer },
  ru: { common: ruCommon, explorer: ruExplorer },
} satisfies Record<Language, Record<Namespace, unknown>> & Resource;
