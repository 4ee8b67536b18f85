/**
 * Dates and files in the assessor's language, whatever the browser's (issue 9, item 3). The browser
 * here speaks US English: its own date input would show 10/04/2022 to a Russian assessor, who reads
 * 10 April, and its file input would say "Choose File". In English, Armenian and Russian:
 *
 * - a date is typed and shown day first in the language's layout, the day it was read as is written
 *   out in words beside it, and what is stored is the same calendar day (the Setup screen shows it);
 * - a day that does not exist gets the form's message and creates nothing;
 * - the framework import's file picker says "choose" and "no file chosen" in the language, and
 *   the name of the file chosen appears beside it.
 *
 * One build, one browser; each language is one pass through the same few steps.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import enAssessments from '../../locales/en/assessments.json';
import hyAssessments from '../../locales/hy/assessments.json';
import ruAssessments from '../../locales/ru/assessments.json';
import enShell from '../../locales/en/shell.json';
import hyShell from '../../locales/hy/shell.json';
import ruShell from '../../locales/ru/shell.json';
import enSettings from '../../locales/en/settings.json';
import hySettings from '../../locales/hy/settings.json';
import ruSettings from '../../locales/ru/settings.json';
import enSetup from '../../locales/en/setup.json';
import hySetup from '../../locales/hy/setup.json';
import ruSetup from '../../locales/ru/setup.json';
import { appPerFile, axeViolations, eventually, recordErrors, RESULTS_DIR, TABLET } from './support';

const INVALID_FRAMEWORK = fileURLToPath(new URL('../fixtures/frameworks/invalid-framework.json', import.meta.url));
const LANGUAGE_KEY = 'mmdma.language';
const WORDS = {
  en: { assessments: enAssessments, shell: enShell, settings: enSettings, setup: enSetup, october: /October/, layout: '04/10/2022', end: '07/10/2022' },
  hy: { assessments: hyAssessments, shell: hyShell, settings: hySettings, setup: hySetup, october: /հոկտեմբերի/, layout: '04.10.2022', end: '07.10.2022' },
  ru: { assessments: ruAssessments, shell: ruShell, settings: ruSettings, setup: ruSetup, october: /октября/, layout: '04.10.2022', end: '07.10.2022' },
} as const;

// The browser's own language is US English, the case the native controls get wrong.
const app = appPerFile({ viewport: TABLET, locale: 'en-US', timeoutMs: 180_000 });

async function pageIn(language: keyof typeof WORDS): Promise<Page> {
  const page = await app().context.newPage();
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [LANGUAGE_KEY, language] as const);
  await page.goto(app().baseUrl);
  await page.locator('.new-assessment').waitFor();
  return page;
}

/** The line under a date field that says the day it was read as (or the layout to type). */
const wordsOf = (page: Page, label: string) => page.getByLabel(label, { exact: true }).evaluate((input) => document.getElementById(`${input.id}-words`)?.textContent ?? '');

describe('dates and files in the app’s language', () => {
  it.each(['en', 'hy', 'ru'] as const)('in %s: dates typed and shown day first with the day in words, stored as that day; a translated file picker', async (language) => {
    const words = WORDS[language];
    const page = await pageIn(language);
    const errors = recordErrors(page);
    const form = page.locator('.new-assessment');
    const start = form.getByLabel(words.assessments.create.startDate, { exact: true });
    const end = form.getByLabel(words.assessments.create.endDate, { exact: true });

    // A text field in the language's layout, not the browser's date control.
    expect(await start.getAttribute('type')).toBe('text');
    expect(await start.getAttribute('placeholder')).toBe(words.shell.dateInput.pattern);
    expect(await wordsOf(page, words.assessments.create.startDate)).toContain(words.shell.dateInput.pattern);

    // Typed loosely, read as 4 October (not 10 April), written back in the layout on leaving.
    await start.fill('4.10.2022');
    expect(await wordsOf(page, words.assessments.create.startDate)).toMatch(words.october);
    await start.press('Tab');
    expect(await start.inputValue()).toBe(words.layout);

    // A day that does not exist: the form's message, nothing created.
    await form.getByRole('textbox', { name: words.assessments.create.title, exact: true }).fill(`Mission ${language}`);
    await form.getByRole('textbox', { name: words.assessments.create.country, exact: true }).fill('Armenia');
    await form.getByRole('textbox', { name: words.assessments.create.leadName, exact: true }).fill('Anna');
    await end.fill('31.02.2022');
    expect(await wordsOf(page, words.assessments.create.endDate)).toContain(words.shell.dateInput.pattern);
    await form.getByRole('button', { name: words.assessments.create.submit }).click();
    await eventually(() => form.locator('.field-error').allTextContents().then((messages) => messages.join(' | ')), words.assessments.problems.invalidDate);
    expect(await end.getAttribute('aria-invalid')).toBe('true');
    // (The browser is shared by the three languages: only this language's assessment counts.)
    expect(await page.locator('.assessment-cards li', { hasText: `Mission ${language}` }).count()).toBe(0);

    // Fixed: created, and Setup shows the same two days in the language's layout.
    await end.fill(words.end);
    await form.getByRole('button', { name: words.assessments.create.submit }).click();
    await page.getByRole('heading', { level: 2, name: words.setup.heading }).waitFor();
    await eventually(() => page.getByLabel(words.setup.details.startDate, { exact: true }).inputValue(), words.layout);
    expect(await page.getByLabel(words.setup.details.endDate, { exact: true }).inputValue()).toBe(words.end);
    expect(await page.locator('.assessment-subtitle').textContent()).toMatch(words.october);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(RESULTS_DIR, `date-field-${language}.png`) });

    // The framework import: a button and a "no file" line in the language, the file's name once chosen.
    await page.goto(`${app().baseUrl}#/settings`);
    const button = page.getByRole('button', { name: words.shell.filePicker.choose, exact: true });
    await button.waitFor();
    const picker = page.locator('.file-picker').filter({ has: button });
    expect(await picker.locator('label').textContent()).toBe(words.settings.frameworks.importLabel);
    expect((await button.getAttribute('aria-describedby'))?.split(' ')).toContain(await picker.locator('label').getAttribute('id'));
    expect(await picker.locator('.file-picker-name').textContent()).toBe(words.shell.filePicker.none);
    const chooser = page.waitForEvent('filechooser');
    await button.click();
    await (await chooser).setFiles(INVALID_FRAMEWORK);
    await eventually(() => picker.locator('.file-picker-name').textContent(), 'invalid-framework.json');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(RESULTS_DIR, `file-picker-${language}.png`) });
    expect(errors).toEqual([]);
    await page.close();
  });
});
