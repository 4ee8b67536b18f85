/**
 * Interface strings, bundled: the app must work offline from the first screen, and three small
 * JSON files cost less than a loader. One namespace per screen keeps the files reviewable by
 * translators; `common` holds the shell.
 */
import type { Resource } from 'i18next';
import enCommon from '../../locales/en/common.json';
import enExplorer from '../../locales/en/explorer.json';
import enPwa from '../../locales/en/pwa.json';
import hyCommon from '../../locales/hy/common.json';
import hyExplorer from '../../locales/hy/explorer.json';
import hyPwa from '../../locales/hy/pwa.json';
import ruCommon from '../../locales/ru/common.json';
import ruExplorer from '../../locales/ru/explorer.json';
import ruPwa from '../../locales/ru/pwa.json';
import enShell from '../../locales/en/shell.json';
import enAssessments from '../../locales/en/assessments.json';
import enSetup from '../../locales/en/setup.json';
import enInterview from '../../locales/en/interview.json';
import enRating from '../../locales/en/rating.json';
import enDashboard from '../../locales/en/dashboard.json';
import enFindings from '../../locales/en/findings.json';
import enSettings from '../../locales/en/settings.json';
import enExchange from '../../locales/en/exchange.json';
import enSync from '../../locales/en/sync.json';
import hyShell from '../../locales/hy/shell.json';
import hyAssessments from '../../locales/hy/assessments.json';
import hySetup from '../../locales/hy/setup.json';
import hyInterview from '../../locales/hy/interview.json';
import hyRating from '../../locales/hy/rating.json';
import hyDashboard from '../../locales/hy/dashboard.json';
import hyFindings from '../../locales/hy/findings.json';
import hySettings from '../../locales/hy/settings.json';
import hyExchange from '../../locales/hy/exchange.json';
import hySync from '../../locales/hy/sync.json';
import ruShell from '../../locales/ru/shell.json';
import ruAssessments from '../../locales/ru/assessments.json';
import ruSetup from '../../locales/ru/setup.json';
import ruInterview from '../../locales/ru/interview.json';
import ruRating from '../../locales/ru/rating.json';
import ruDashboard from '../../locales/ru/dashboard.json';
import ruFindings from '../../locales/ru/findings.json';
import enReport from '../../locales/en/report.json';
import hyReport from '../../locales/hy/report.json';
import ruReport from '../../locales/ru/report.json';
import ruSettings from '../../locales/ru/settings.json';
import ruExchange from '../../locales/ru/exchange.json';
import ruSync from '../../locales/ru/sync.json';
import enNotes from '../../locales/en/notes.json';
import hyNotes from '../../locales/hy/notes.json';
import ruNotes from '../../locales/ru/notes.json';
import type { Language } from './languages';

export const NAMESPACES = ['common', 'explorer', 'pwa', 'shell', 'assessments', 'setup', 'interview', 'rating', 'dashboard', 'findings', 'settings', 'exchange', 'sync', 'report', 'notes'] as const;
export type Namespace = (typeof NAMESPACES)[number];
export const DEFAULT_NAMESPACE: Namespace = 'common';

export const resources = {
  en: { common: enCommon, explorer: enExplorer, pwa: enPwa, shell: enShell, assessments: enAssessments, setup: enSetup, interview: enInterview, rating: enRating, dashboard: enDashboard, findings: enFindings, settings: enSettings, exchange: enExchange, sync: enSync, report: enReport, notes: enNotes },
  hy: { common: hyCommon, explorer: hyExplorer, pwa: hyPwa, shell: hyShell, assessments: hyAssessments, setup: hySetup, interview: hyInterview, rating: hyRating, dashboard: hyDashboard, findings: hyFindings, settings: hySettings, exchange: hyExchange, sync: hySync, report: hyReport, notes: hyNotes },
  ru: { common: ruCommon, explorer: ruExplorer, pwa: ruPwa, shell: ruShell, assessments: ruAssessments, setup: ruSetup, interview: ruInterview, rating: ruRating, dashboard: ruDashboard, findings: ruFindings, settings: ruSettings, exchange: ruExchange, sync: ruSync, report: ruReport, notes: ruNotes },
} satisfies Record<Language, Record<Namespace, unknown>> & Resource;
