/**
 * The interview screen in real Chromium (Debian's, driven by playwright-core) against the production
 * build: an assessment, institution and interview are set up through the storage API in the page
 * (interviewSeed.ts), then everything else is done the way an assessor does it — notes typed and
 * tagged with the keyboard only, a photo attached from a file, details and consent edited inline —
 * and checked again after a reload, at tablet and laptop sizes, with axe.
 *
 * The crash drill (SIGKILL of the browser while typing) is in interviewCrash.e2e.test.ts.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import enInterview from '../../locales/en/interview.json';
import type { SeedOptions, SeedResult } from './interviewSeedModule';
import { buildSeedModule, interviewUrl, SEED_PATH, seedInPage } from './interviewSeed';
import { appPerFile, eventually, LAPTOP, recordErrors, RESULTS_DIR, saveFullPageScreenshot, seriousAxeViolations, TABLET } from './support';

const SETUP_TIMEOUT_MS = 180_000;
const PHOTO = join(import.meta.dirname, '../fixtures/photo.png');
const LANGUAGE_KEY = 'mmdma.language';

/** A tab on the app's origin, open for the whole file, that seeds each test's interview. */
let seeder: Page | undefined;
const app = appPerFile({
  beforeServe: (built) => buildSeedModule(built.outDir),
  timeoutMs: SETUP_TIMEOUT_MS,
  setUp: async ({ context, baseUrl }) => {
    seeder = await context.newPage();
    await seeder.goto(baseUrl);
    await seeder.locator('h1').first().waitFor();
  },
});

interface Opened {
  readonly page: Page;
  readonly errors: string[];
  readonly seeded: SeedResult;
}

/** A new assessment with one interview, opened on the interview screen with the composer focused. */
async function openInterview(options: Partial<SeedOptions> & { viewport?: { width: number; height: number }; language?: string } = {}): Promise<Opened> {
  const { context, baseUrl } = app();
  if (!seeder) throw new Error('no seeding tab (see set-up)');
  const seeded = await seedInPage(seeder, { notes: options.notes ?? 0, rememberMe: options.rememberMe ?? true, consent: options.consent ?? 'none' });
  const page = await context.newPage();
  const errors = recordErrors(page);
  await page.setViewportSize(options.viewport ?? LAPTOP);
  // The language is in place before the app's first script runs: one cold load of the interview
  // (it used to load the start page, seed there, set the language, load the interview and reload).
  await page.addInitScript(([key, language]) => localStorage.setItem(key, language), [LANGUAGE_KEY, options.language ?? 'en'] as const);
  await page.goto(interviewUrl(baseUrl, seeded));
  await page.locator('.interview-layout').waitFor();
  return { page, errors, seeded };
}

const composer = (page: Page) => page.locator('.note-composer textarea');
const rows = (page: Page) => page.locator('.note-list .note-row');
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function waitForNotes(page: Page, count: number): Promise<void> {
  await eventually(() => page.locator('.note-list .note-row:not(.is-pending)').count(), count, 10_000);
}

describe('interview screen', () => {
  it('takes tagged notes with the keyboard only, attaches a photo, and keeps everything across a reload', async () => {
    const { page, errors } = await openInterview();
    // The cursor starts in the composer.
    await eventually(() => activeId(page), await composer(page).getAttribute('id'));
    expect(await page.locator('.notes-empty').textContent()).toBe(enInterview.notes.empty);

    // 1. A note tagged by code: "#" opens the tag field, the code, Enter, and back to the note.
    await page.keyboard.type('Access to the border database is by written request ');
    await page.keyboard.type('#');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await page.keyboard.type('6.5.3');
    const combobox = page.locator('.note-composer [role="combobox"]');
    expect(await combobox.getAttribute('aria-expanded')).toBe('true');
    const activeOption = await combobox.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${activeOption}"]`).textContent()).toContain('Access to data');
    await page.keyboard.press('Enter');
    await eventually(() => activeId(page), await composer(page).getAttribute('id'));
    await page.keyboard.type('only, on paper.');
    expect(await composer(page).inputValue()).toBe('Access to the border database is by written request only, on paper.');
    expect(await page.locator('.note-composer .tag-chip').textContent()).toContain('6.5.3');
    await page.keyboard.press('Enter');
    await waitForNotes(page, 1);
    expect(await composer(page).inputValue()).toBe('');

    // 2. A quote tagged by words of a name, migration track only, suggesting "established" (Alt+3).
    await page.keyboard.press('Alt+Q');
    await page.keyboard.type('"We exchange data with the police every day." ');
    await page.keyboard.type('#');
    await page.keyboard.type('ident man');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Alt+M');
    await page.keyboard.press('Alt+3');
    // Shift+Enter is a new line, not a save.
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('— Head of IT');
    await page.keyboard.press('Enter');
    await waitForNotes(page, 2);

    // 3. Evidence with a source (Alt+V, Alt+S), tagged through Alt+T with the arrow keys.
    await page.keyboard.press('Alt+V');
    await page.keyboard.type('Government decree on electronic data exchange');
    await page.keyboard.press('Alt+S');
    await page.keyboard.type('https://www.arlis.am/decree-1093');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Alt+T');
    await page.keyboard.type('6.5');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await waitForNotes(page, 3);

    // 4. "#" then Escape keeps the "#" as text; a photo from a file goes with the note.
    await page.keyboard.type('Priority ');
    await page.keyboard.type('#');
    await page.keyboard.type('1');
    await page.keyboard.press('Escape');
    await page.keyboard.type(' is the printed strategy');
    expect(await composer(page).inputValue()).toBe('Priority #1 is the printed strategy');
    await page.locator('.note-composer input[type="file"][accept="image/*"]').setInputFiles(PHOTO);
    await page.locator('.note-composer .attachment img').waitFor({ timeout: 10_000 });
    await composer(page).focus();
    await page.keyboard.press('Enter');
    await waitForNotes(page, 4);

    await checkNotes(page);
    await page.reload();
    await page.locator('.interview-layout').waitFor();
    await waitForNotes(page, 4);
    await checkNotes(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('edits my last note with ↑, deletes a note with undo, and leaves other people’s notes alone', async () => {
    const { page, errors } = await openInterview({ notes: 7 });
    await waitForNotes(page, 7);
    // Seeded note 7 is Boris's: no Edit or Delete on it; notes 1–6 are mine.
    const boris = rows(page).nth(6);
    expect(await boris.textContent()).toContain('Boris Ivanov');
    expect(await boris.locator('.note-actions button').count()).toBe(0);
    // Mine: Edit, Delete and the confidential toggle (issue 11), each by its name.
    const mine = rows(page).nth(5).locator('.note-actions');
    expect(await mine.locator('button').count()).toBe(3);
    for (const name of [/^Edit/, /^Delete/, /^Confidential/]) expect(await mine.getByRole('button', { name }).count()).toBe(1);

    // ↑ in the empty composer edits my last note (note 6).
    await composer(page).focus();
    await page.keyboard.press('ArrowUp');
    const editor = page.locator('.note-row.is-editing textarea');
    await editor.waitFor();
    expect(await editor.inputValue()).toContain('Seeded note 6');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Corrected: the registry is fully digital since 2021.');
    await page.keyboard.press('Alt+4');
    await page.keyboard.press('Enter');
    await page.locator('.note-row.is-editing').waitFor({ state: 'detached' });
    await eventually(() => rows(page).nth(5).locator('.note-text').textContent(), 'Corrected: the registry is fully digital since 2021.');
    expect(await rows(page).nth(5).locator('.note-level').textContent()).toContain('Advanced');

    // Delete note 1, then undo.
    const firstText = (await rows(page).nth(0).locator('.note-text').textContent()) ?? '';
    await rows(page).nth(0).getByRole('button', { name: /Delete/ }).click();
    await waitForNotes(page, 6);
    const undoBar = page.locator('.undo-bar');
    expect(await undoBar.textContent()).toContain(enInterview.notes.deleted);
    await undoBar.getByRole('button', { name: enInterview.undo.undo }).click();
    await waitForNotes(page, 7);
    expect(await rows(page).nth(0).locator('.note-text').textContent()).toBe(firstText);

    await page.reload();
    await waitForNotes(page, 7);
    expect(await rows(page).nth(5).locator('.note-text').textContent()).toBe('Corrected: the registry is fully digital since 2021.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('autosaves the note being typed as one record, and drops it when everything is erased', async () => {
    const { page, errors, seeded } = await openInterview();
    const stored = () =>
      page.evaluate(
        `import(${JSON.stringify(SEED_PATH)}).then((module) => module.countNotes(${JSON.stringify(seeded.interviewId)}))`,
      ) as Promise<{ live: number; deleted: number; texts: string[] }>;
    // Each write lands within the autosave debounce of the last key: polled for, not slept on.
    const storedTexts = async () => JSON.stringify((await stored()).texts);
    await composer(page).focus();
    await page.keyboard.type('The first half of a long answer');
    await eventually(storedTexts, JSON.stringify(['The first half of a long answer']));
    // Written already, though not submitted: not in the list (it is in the composer).
    expect((await stored()).texts).toEqual(['The first half of a long answer']);
    expect(await rows(page).count()).toBe(0);
    await page.keyboard.type(', and its second half.');
    await eventually(storedTexts, JSON.stringify(['The first half of a long answer, and its second half.']));
    expect((await stored()).texts).toEqual(['The first half of a long answer, and its second half.']);
    await page.keyboard.press('Enter');
    await waitForNotes(page, 1);
    expect((await stored()).live).toBe(1);

    // Typed, written, then erased: the half-made record goes; typing again makes a new one.
    await page.keyboard.type('Wrong interviewee');
    await eventually(async () => (await stored()).live, 2);
    expect((await stored()).live).toBe(2);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await eventually(async () => (await stored()).deleted, 1);
    expect(await stored()).toMatchObject({ live: 1, deleted: 1 });
    await page.keyboard.type('Right one');
    await page.keyboard.press('Enter');
    await waitForNotes(page, 2);
    expect((await stored()).texts).toEqual(['The first half of a long answer, and its second half.', 'Right one']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks who is taking notes before the first note, since notes belong to their author', async () => {
    const { page, errors } = await openInterview({ rememberMe: false });
    expect(await page.locator('.note-composer').count()).toBe(0);
    const who = page.locator('.who-am-i');
    expect(await who.textContent()).toContain(enInterview.me.explain);
    await who.getByLabel(enInterview.me.label).selectOption({ label: 'Boris Ivanov' });
    await who.getByRole('button', { name: enInterview.me.confirm }).click();
    await composer(page).waitFor();
    await composer(page).focus();
    await page.keyboard.type('First note, by Boris.');
    await page.keyboard.press('Enter');
    await waitForNotes(page, 1);
    expect(await rows(page).first().locator('.note-author').textContent()).toBe('Boris Ivanov');
    // Boris's own note: Edit, Delete and the confidential toggle.
    expect(await rows(page).first().locator('.note-actions button').count()).toBe(3);
    expect(await rows(page).first().getByRole('button', { name: /^Edit/ }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('edits details inline: consent (time recorded, audio allowed only with it), interviewees, a refused date', async () => {
    const { page, errors, seeded } = await openInterview();
    const details = page.locator('.interview-details');
    // No notes yet: details are open.
    expect(await details.getByRole('button', { name: enInterview.details.hide }).count()).toBe(1);

    // Without consent, recording is off and says why.
    const record = page.locator('.note-composer .audio-recorder button');
    expect(await record.getAttribute('aria-disabled')).toBe('true');
    const reasonId = (await record.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${reasonId}"]`).textContent()).toBe(enInterview.audio.needsConsent);

    await details.getByLabel(enInterview.consent.given).check();
    await eventually(async () => ((await details.locator('.consent-recorded').textContent()) ?? '').startsWith('Consent recorded at'), true);
    await details.getByLabel(enInterview.consent.scopeLabel).selectOption('notes-and-audio');
    await eventually(() => record.getAttribute('aria-disabled'), null);

    // People met: Enter in the name field adds; blank names are refused with a message.
    const newName = details.getByLabel(enInterview.interviewees.newName);
    await newName.focus();
    await page.keyboard.press('Enter');
    expect(await details.locator('.interviewee-add .field-error').textContent()).toBe(enInterview.interviewees.nameRequired);
    await page.keyboard.type('Armen Sargsyan');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Head of the IT department');
    await page.keyboard.press('Enter');
    await eventually(() => details.locator('.interviewee-list li').count(), 1);
    expect(await details.getByLabel('Name of person 1').inputValue()).toBe('Armen Sargsyan');

    // A cleared date is refused, and nothing is written.
    const date = details.getByLabel(enInterview.details.date);
    const storedDate = await date.inputValue();
    await date.fill('');
    expect(await details.locator('.field-error').first().textContent()).toBe(enInterview.details.dateRequired);
    // An optional start time can be cleared.
    await details.getByLabel(enInterview.details.startTime).fill('');
    await details.getByLabel(enInterview.details.location).fill('Yerevan, 4 Hrachya Kochar St');
    await page.keyboard.press('Tab');
    // Written before the reload: the header's indicator says so once nothing is pending (a frame
    // after the edit, which scheduled its write synchronously).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    await eventually(() => page.locator('.app-header .save-indicator').getAttribute('data-state'), 'saved', 10_000);

    await page.reload();
    await page.locator('.interview-details').waitFor();
    const again = page.locator('.interview-details');
    expect(await again.getByLabel(enInterview.details.date).inputValue()).toBe(storedDate);
    expect(await again.getByLabel(enInterview.details.location).inputValue()).toBe('Yerevan, 4 Hrachya Kochar St');
    expect(await again.getByLabel(enInterview.details.startTime).inputValue()).toBe('');
    expect(await again.getByLabel(enInterview.consent.scopeLabel).inputValue()).toBe('notes-and-audio');
    expect(await again.getByLabel('Position of person 1').inputValue()).toBe('Head of the IT department');
    expect(seeded.interviewId).toBeTruthy();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('guides with the institution’s pillars, ticks covered sub-topics, and pre-tags the next note', async () => {
    const { page, errors } = await openInterview({ notes: 5 });
    const guide = page.locator('.interview-guide');
    // The seeded institution matters for pillars 6.5, 6.6 and 6.7 only.
    expect(await guide.locator('.guide-pillar').count()).toBe(3);
    expect(await guide.locator('.guide-pillar .guide-code').first().textContent()).toBe('6.5');
    // Notes 1–5 cover 6.5.3, 6.5.1, 6.6.1, 6.7.3 (and 6.4.1, outside these pillars).
    expect(await guide.locator('.guide-sub-topic.is-covered').count()).toBe(4);
    const target = guide.locator('button[data-sub-topic-id="digital-identity.digital-identification-signatures"]');
    expect(await target.locator('xpath=..').locator('.guide-counts').textContent()).toContain('0 notes here');
    await target.click();
    await eventually(() => activeId(page), await composer(page).getAttribute('id'));
    expect(await page.locator('.note-composer .tag-chip').textContent()).toContain('6.6.2');
    await page.keyboard.type('Qualified e-signatures are accepted for residence permits.');
    await page.keyboard.press('Enter');
    await eventually(() => guide.locator('.guide-sub-topic.is-covered').count(), 5);
    expect(await target.locator('xpath=..').locator('.guide-counts').textContent()).toContain('1 note here');
    // "Show all pillars" lists the ten.
    await guide.getByLabel(enInterview.guide.showAll).check();
    expect(await guide.locator('.guide-pillar').count()).toBe(10);
    // The panel folds away (the notes take the width) and comes back, focus following the button.
    await guide.getByRole('button', { name: enInterview.guide.hide }).click();
    await eventually(() => page.locator('.interview-guide').count(), 0);
    await eventually(() => page.evaluate(() => document.activeElement?.textContent ?? ''), enInterview.guide.show);
    await page.keyboard.press('Enter');
    await eventually(() => page.locator('.interview-guide').count(), 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('puts the guiding questions in a drawer on a tablet', async () => {
    const { page, errors } = await openInterview({ notes: 3, viewport: TABLET });
    expect(await page.locator('.interview-guide').count()).toBe(0);
    const opener = page.getByRole('button', { name: enInterview.guide.open, exact: true });
    await opener.click();
    const drawer = page.locator('dialog.guide-drawer');
    await eventually(() => drawer.evaluate((dialog) => (dialog as HTMLDialogElement).open), true);
    await drawer.locator('button[data-sub-topic-id="public-services.cross-border-services"]').click();
    await eventually(() => drawer.evaluate((dialog) => (dialog as HTMLDialogElement).open), false);
    expect(await page.locator('.note-composer .tag-chip').textContent()).toContain('6.7.2');
    await eventually(() => activeId(page), await composer(page).getAttribute('id'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no serious or critical axe violations and fits tablet and laptop in every language; saves screenshots', async () => {
    const failures: string[] = [];
    for (const language of ['en', 'hy', 'ru']) {
      for (const viewport of [TABLET, LAPTOP]) {
        const size = `${viewport.width}x${viewport.height}`;
        const { page, errors } = await openInterview({ notes: 12, viewport, language, consent: 'notes' });
        await waitForNotes(page, 12);
        // The richest state: a tag list open, the shortcut help shown, details open.
        await page.locator('.interview-details-bar button').click();
        await composer(page).focus();
        await page.keyboard.press('Alt+Slash');
        await page.locator('.shortcut-help').waitFor();
        await page.keyboard.type('Tagging ');
        await page.keyboard.type('#');
        await page.keyboard.type('data');
        for (const violation of await seriousAxeViolations(page)) failures.push(`${language} ${size}: ${violation}`);
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
        if (scrollWidth > innerWidth) failures.push(`${language} ${size}: page is ${scrollWidth}px wide`);
        const small = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.interview-screen button, .interview-screen select, .interview-screen input:not([type="file"]):not([type="checkbox"]):not([type="radio"])')]
            .filter((element) => element.checkVisibility() && element.getBoundingClientRect().height < 39.5)
            .map((element) => `${element.tagName.toLowerCase()}.${element.className} "${(element.textContent ?? '').trim().slice(0, 30)}" ${Math.round(element.getBoundingClientRect().height)}px`),
        );
        failures.push(...small.map((line) => `${language} ${size}: small touch target ${line}`));
        await page.screenshot({ path: join(RESULTS_DIR, `interview-${language}-${size}-typing.png`) });
        await page.keyboard.press('Escape');
        await page.keyboard.press('Alt+Slash');
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Backspace');
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(RESULTS_DIR, `interview-${language}-${size}.png`) });
        await saveFullPageScreenshot(page, join(RESULTS_DIR, `interview-${language}-${size}-full.png`));
        failures.push(...errors.map((error) => `${language} ${size}: ${error}`));
        await page.close();
      }
    }
    expect(failures).toEqual([]);
  });
});

/** The four notes of the first test, as listed. */
async function checkNotes(page: Page): Promise<void> {
  const [first, second, third, fourth] = [rows(page).nth(0), rows(page).nth(1), rows(page).nth(2), rows(page).nth(3)];
  expect(await first.locator('.note-text').textContent()).toBe('Access to the border database is by written request only, on paper.');
  expect(await first.locator('.tag-chip').first().textContent()).toContain('6.5.3');
  expect(await first.locator('.note-kind').textContent()).toBe(enInterview.kind.note);

  expect(await second.locator('.note-kind').textContent()).toBe(enInterview.kind.quote);
  expect(await second.locator('blockquote').textContent()).toBe('"We exchange data with the police every day." \n— Head of IT');
  expect(await second.locator('.tag-chip').first().textContent()).toContain('6.6.1');
  expect(await second.locator('.note-level').textContent()).toContain('Established');
  expect(await second.locator('.tag-chip-tracks').textContent()).toContain('Migration management');

  expect(await third.locator('.note-kind').textContent()).toBe(enInterview.kind.evidence);
  expect(await third.locator('.note-source a').getAttribute('href')).toBe('https://www.arlis.am/decree-1093');
  // "6.5" ArrowDown: the second match, 6.5.2.
  expect(await third.locator('.tag-chip').first().textContent()).toContain('6.5.2');

  expect(await fourth.locator('.note-text').textContent()).toBe('Priority #1 is the printed strategy');
  const image = fourth.locator('.attachment img');
  await image.waitFor({ timeout: 10_000 });
  expect(await image.getAttribute('alt')).toBe('photo.png');
  await eventually(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth), 96);
}
