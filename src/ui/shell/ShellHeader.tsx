/**
 * The page header: the app bar (name, global links, language), the title of where we are (the open
 * assessment with its country and dates, or the global screen) with the save indicator, and, inside
 * an assessment, its screens. Links are real links with aria-current, so the browser's own
 * affordances (open in a new tab, history) work.
 */
import type { ComponentChild } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Assessment } from '../../core/assessment/assessmentSchema';
import { LanguageSwitcher } from './LanguageSwitcher';
import { formatRoute, type Route } from '../routing/route';
import { useTranslation } from '../useTranslation';
import { localDateOf } from './dates';
import { LazyHubSync } from './LazyHubSync';
import { SaveIndicator } from './SaveIndicator';
import { useShell } from './ShellContext';

export function ShellHeader({ title, subtitle }: { readonly title: string; readonly subtitle?: ComponentChild }) {
  const shell = useShell();
  const { t } = useTranslation();
  const route = shell.route.value;
  const global = (screen: 'assessments' | 'framework' | 'settings', label: string) => (
    <li>
      <a href={formatRoute({ screen })} aria-current={route.screen === screen ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <header class="app-header">
      <div class="app-bar">
        <p class="brand">
          <span class="brand-name">{t('app.name')}</span>
          <span class="brand-tagline">{t('app.tagline')}</span>
        </p>
        <nav class="global-nav" aria-label={t('shell:nav.globalLabel')}>
          <ul>
            {global('assessments', t('shell:nav.assessments'))}
            {global('framework', t('shell:nav.framework'))}
            {global('settings', t('shell:nav.settings'))}
          </ul>
        </nav>
        <LanguageSwitcher />
      </div>
      <div class="screen-title">
        <div class="screen-title-text">
          <h1>{title}</h1>
          {subtitle !== undefined && <div class="screen-subtitle">{subtitle}</div>}
        </div>
        <div class="screen-status">
          <SaveIndicator />
          {'assessmentId' in route ? <LazyHubSync key={route.assessmentId} assessmentId={route.assessmentId} /> : route.screen === 'assessments' && <LazyHubSync key="list" assessmentId={undefined} />}
        </div>
      </div>
      {'assessmentId' in route && <AssessmentNav route={route} />}
    </header>
  );
}

type AssessmentRoute = Extract<Route, { readonly assessmentId: string }>;

function AssessmentNav({ route }: { readonly route: AssessmentRoute }) {
  const { t } = useTranslation();
  const id = route.assessmentId;
  // The interview screen belongs to the schedule: "Interviews" stays current while one is open.
  const current = route.screen === 'interview' ? 'interviews' : route.screen;
  const items: ReadonlyArray<{ readonly route: AssessmentRoute; readonly label: string }> = [
    { route: { screen: 'dashboard', assessmentId: id }, label: t('shell:nav.dashboard') },
    { route: { screen: 'setup', assessmentId: id }, label: t('shell:nav.setup') },
    { route: { screen: 'interviews', assessmentId: id }, label: t('shell:nav.interviews') },
    { route: { screen: 'notes', assessmentId: id, search: '' }, label: t('shell:nav.notes') },
    { route: { screen: 'rating', assessmentId: id }, label: t('shell:nav.rating') },
    { route: { screen: 'findings', assessmentId: id }, label: t('shell:nav.findings') },
    { route: { screen: 'report', assessmentId: id }, label: t('shell:nav.report') },
    { route: { screen: 'exchange', assessmentId: id }, label: t('shell:nav.exchange') },
  ];
  const list = useRef<HTMLUListElement>(null);
  // On a tablet the row scrolls sideways (see shell.css): bring the current screen's link into it,
  // without scrolling the page itself as scrollIntoView would.
  useLayoutEffect(() => {
    const ul = list.current;
    const link = ul?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!ul || !link || ul.scrollWidth <= ul.clientWidth) return;
    const left = link.offsetLeft - ul.offsetLeft;
    if (left < ul.scrollLeft || left + link.offsetWidth > ul.scrollLeft + ul.clientWidth) ul.scrollLeft = Math.max(0, left - (ul.clientWidth - link.offsetWidth) / 2);
  }, [current]);
  return (
    <nav class="assessment-nav" aria-label={t('shell:nav.assessmentLabel')}>
      <ul ref={list}>
        {items.map((item) => (
          <li key={item.route.screen}>
            <a href={formatRoute(item.route)} aria-current={item.route.screen === current ? 'page' : undefined}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** "Armenia · 3–7 October 2022 · This device: Anna" under an open assessment's title. */
export function AssessmentSubtitle({ assessment, meName, setupHref }: { readonly assessment: Assessment; readonly meName: string | undefined; readonly setupHref: string }) {
  const { t } = useTranslation();
  const dates = useDateRange(assessment.startDate, assessment.endDate);
  return (
    <p class="assessment-subtitle">
      <span>{assessment.country}</span>
      {dates !== undefined && <span>{dates}</span>}
      <span>
        {meName !== undefined ? (
          t('shell:header.me', { name: meName })
        ) : (
          <a href={setupHref}>{t('shell:header.chooseMe')}</a>
        )}
      </span>
    </p>
  );
}

/** A date range in the interface language ("3–7 October 2022"), or one date, or nothing. */
export function useDateRange(start: string | null, end: string | null): string | undefined {
  const { format } = useTranslation();
  const from = start === null ? undefined : localDateOf(start);
  const to = end === null ? undefined : localDateOf(end);
  if (from && to) {
    try {
      return format.dateRange(from, to);
    } catch {
      return `${format.date(from)} – ${format.date(to)}`;
    }
  }
  const only = from ?? to;
  return only ? format.date(only) : undefined;
}
