/**
 * The interview screen starts from its own interview's notes (issue 9): the first read takes only
 * that interview through the `[assessmentId+interviewId]` index, and the rest of the assessment
 * follows after the first paint. What must not change for the assessor, on the Armenia-size
 * assessment (11 interviews, 660 notes):
 * - the screen lists exactly this interview's notes, none of another interview's;
 * - a note added to this interview elsewhere (another tab of the origin, as a synced note arrives)
 *   appears live, and one added to another interview does not;
 * - a note typed here is saved, listed, and still there after a reload;
 * - the rest of the assessment is read after all: the note search over the whole assessment,
 *   reached from this screen without a reload, finds every note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedModule } from './interviewSeed';
import type { ArmeniaSeedResult } from './armeniaSeedModule';
import { eventually, recordErrors, startApp, LAPTOP, missingChromium, type AppInBrowser } from './support';

const SEED_PATH = '/__armenia-seed__/seed.js';
let app: AppInBrowser | undefined;
let missing: string | undefined;

beforeAll(async () => {
  missing = missingChromium();
  if (missing) return;
  app = await startApp({ viewport: LAPTOP, beforeServe: (build) => buildSeedModule(build.outDir, { entry: 'test/e2e/armeniaSeedModule.ts', folder: '__armenia-seed__' }) });
}, 240_000);
afterAll(async () => {
  await app?.close();
});

/** Runs an export of the seed module in the page (a string: Vitest would rewrite a function's import()). */
function inPage<T>(page: import('playwright-core').Page, call: string): Promise<T> {
  return page.evaluate(`import(${JSON.stringify(SEED_PATH)}).then((module) => module.${call})`) as Promise<T>;
}

describe('interview screen, first read narrowed to its interview', () => {
  it('lists its own notes, follows notes added elsewhere to it only, saves, and reads the rest after', async () => {
    if (missing) throw new Error(missing);
    if (!app) throw new Error('the app did not start (see beforeAll)');
    const page = await app.context.newPage();
    const errors = recordErrors(page);
    await page.goto(app.baseUrl);
    await page.locator('h1').first().waitFor();
    const seeded = await inPage<ArmeniaSeedResult>(page, `seed(${JSON.stringify({ rememberMe: true })})`);
    expect(seeded.notes).toBe(660);
    expect(seeded.otherInterviewId).not.toBe(seeded.interviewId);

    await page.goto(`${app.baseUrl}#/a/${seeded.assessmentId}/interviews/${seeded.interviewId}`);
    await page.reload();
    const rows = page.locator('.note-list .note-row:not(.is-pending)');
    const composer = page.locator('.note-composer textarea');
    await composer.waitFor();
    await eventually(() => rows.count(), seeded.interviewNotes);
    await expect(page.locator('.note-list').textContent()).resolves.toContain(seeded.interviewLastNote);

    // Another tab writes one note to this interview and one to another.
    const other = await app.context.newPage();
    await other.goto(`${app.baseUrl}#/`);
    await other.locator('h1').first().waitFor();
    const mineText = 'Added elsewhere: the passport database is replicated to the border posts nightly.';
    const theirsText = 'Added elsewhere to another interview: this must not be listed here.';
    await inPage(other, `addNote(${JSON.stringify({ assessmentId: seeded.assessmentId, interviewId: seeded.interviewId, authorId: seeded.leadId, text: mineText })})`);
    await inPage(other, `addNote(${JSON.stringify({ assessmentId: seeded.assessmentId, interviewId: seeded.otherInterviewId, authorId: seeded.leadId, text: theirsText })})`);
    await other.close();
    await eventually(() => rows.count(), seeded.interviewNotes + 1);
    await expect(page.locator('.note-list').textContent()).resolves.toContain(mineText);
    await expect(page.locator('.note-list').textContent()).resolves.not.toContain(theirsText);

    // Typed here: saved and listed, and there after a reload.
    const typed = 'Typed here: the e-visa portal sends applications to the Migration Service in real time.';
    await composer.focus();
    await page.keyboard.type(typed);
    await page.keyboard.press('Enter');
    await eventually(() => rows.count(), seeded.interviewNotes + 2);
    await expect(page.locator('.note-list').textContent()).resolves.toContain(typed);
    await page.reload();
    await composer.waitFor();
    await eventually(() => rows.count(), seeded.interviewNotes + 2);
    const listed = (await page.locator('.note-list').textContent()) ?? '';
    expect(listed).toContain(typed);
    expect(listed).toContain(mineText);
    expect(listed).not.toContain(theirsText);

    // The rest of the assessment was read after the first paint: the search over all of it, opened
    // from here (same session, no reload), counts every note, the two added ones included.
    await page.evaluate((assessmentId) => (location.hash = `#/a/${assessmentId}/notes`), seeded.assessmentId);
    await eventually(() => page.locator('.notes-found').textContent(), `${(seeded.notes + 3).toLocaleString('en')} notes found`);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
