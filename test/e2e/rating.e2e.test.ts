/**
 * The rating and findings screens in a real browser (Debian's Chromium, fresh profile) against the
 * production build served by `vite preview` on 127.0.0.1.
 *
 * An assessment is seeded through the real storage API inside the page: a small ES module built
 * from src/storage (Vite library mode) is written next to the app and imported by the page, so the
 * records, their change log and the clock are exactly what the app itself would have written.
 * Then, as the lead: rate indicators by keyboard, see the evidence and the estimate change, set a
 * consensus with a rationale, change it and see the history; write findings and reorder the key
 * recommendations by keyboard; reload and find everything again. Screenshots at tablet and laptop
 * sizes land in test-results/.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import mmdmaV1 from '../../frameworks/mmdma-v1.json';
import enFindings from '../../locales/en/findings.json';
import enRating from '../../locales/en/rating.json';
import { appPerFile, buildPageModule, eventually, LAPTOP, recordErrors, RESULTS_DIR, ROOT, saveFullPageScreenshot, seriousAxeViolations, TABLET, type AppInBrowser } from './support';

const SETUP_TIMEOUT_MS = 240_000;
const SEED_MODULE = 'e2e-rating-seed.js';
const LANGUAGES = ['en', 'hy', 'ru'] as const;

const SUB_TOPIC = 'data-management.access-to-data';
const PILLAR = 'data-management';
const REGISTERS = 'data-management.access-to-data.digital-registers';
const EXCHANGE = 'data-management.access-to-data.secure-data-exchange';
const OPEN_DATA = 'data-management.access-to-data.open-data';

const levelName = (id: string) => mmdmaV1.levels.find((level) => level.id === id)?.name.en ?? id;

/** Records to create, in order; a string "@ref" in an input stands for the id of an earlier record. */
interface SeedOp {
  readonly ref: string;
  readonly table: string;
  readonly input: Record<string, unknown>;
}

function scenario(): SeedOp[] {
  const note = (ref: string, interview: string | null, kind: string, text: string, tags: unknown[], suggestedLevel: string | null, minute: number, source?: string): SeedOp => ({
    ref,
    table: 'observation',
    input: {
      assessmentId: '@assessment',
      interviewId: interview,
      authorId: '@boris',
      kind,
      text,
      tags,
      suggestedLevel,
      createdAt: `2022-10-04T09:${String(minute).padStart(2, '0')}:00.000Z`,
      ...(source ? { source } : {}),
    },
  });
  return [
    {
      ref: 'assessment',
      table: 'assessment',
      input: { title: 'Armenia 2022', country: 'Armenia', startDate: '2022-10-03', endDate: '2022-10-07', frameworkId: mmdmaV1.id, frameworkVersion: mmdmaV1.version, status: 'rating' },
    },
    { ref: 'anna', table: 'assessor', input: { assessmentId: '@assessment', name: 'Anna Lead', role: 'lead' } },
    { ref: 'boris', table: 'assessor', input: { assessmentId: '@assessment', name: 'Boris Notes', role: 'assessor' } },
    { ref: 'ekeng', table: 'institution', input: { assessmentId: '@assessment', name: 'E-Governance Infrastructure Implementation Agency', acronym: 'EKENG', relevantPillarIds: [PILLAR] } },
    { ref: 'ms', table: 'institution', input: { assessmentId: '@assessment', name: 'Migration Service', acronym: '', relevantPillarIds: [PILLAR] } },
    {
      ref: 'i1',
      table: 'interview',
      input: { assessmentId: '@assessment', institutionId: '@ekeng', date: '2022-10-04', status: 'done', consent: { given: true, scope: 'notes' }, interviewerIds: ['@anna', '@boris'] },
    },
    {
      ref: 'i2',
      table: 'interview',
      input: { assessmentId: '@assessment', institutionId: '@ms', date: '2022-10-05', status: 'done', consent: { given: true, scope: 'notes' }, interviewerIds: ['@anna', '@boris'] },
    },
    note('n1', '@i1', 'quote', 'All registers are connected to the exchange layer since 2020.', [{ subTopicId: SUB_TOPIC, indicatorId: REGISTERS, trackIds: ['central'] }], 'established', 1),
    note('n2', '@i1', 'evidence', 'Law on the population register, article 12.', [{ subTopicId: SUB_TOPIC, indicatorId: REGISTERS, trackIds: ['central', 'migration'] }], 'developing', 2, 'https://www.arlis.am/'),
    note('n3', '@i2', 'note', 'The migration case system keeps its own copy of personal data.', [{ subTopicId: SUB_TOPIC, trackIds: ['migration'] }], 'emerging', 3),
    note('n4', '@i2', 'note', 'Data exchange with the border police is by e-mail.', [{ subTopicId: SUB_TOPIC, indicatorId: EXCHANGE, trackIds: ['central'] }], 'developing', 4),
    note('n5', null, 'evidence', 'Open data portal lists 12 datasets.', [{ subTopicId: SUB_TOPIC, indicatorId: OPEN_DATA, trackIds: ['central'] }], 'developing', 5),
    // Boris has rated, so agreement and spread have two assessors once Anna rates.
    {
      ref: 'r1',
      table: 'rating',
      input: { assessmentId: '@assessment', assessorId: '@boris', indicatorId: REGISTERS, trackId: 'central', level: 'developing', rationale: 'Connected, not all used.' },
    },
    {
      ref: 'r2',
      table: 'rating',
      input: { assessmentId: '@assessment', assessorId: '@boris', indicatorId: EXCHANGE, trackId: 'central', level: 'developing', rationale: '' },
    },
  ];
}

/** The seed module: src/storage bundled for the browser, writing through createStore. */
const SEED_ENTRY = `
import { createStore, openDatabase } from ${JSON.stringify(join(ROOT, 'src/storage/index.ts'))};
export async function seed(ops) {
  const db = openDatabase();
  const store = createStore(db);
  const ids = {};
  const resolve = (value) =>
    typeof value === 'string' && value.startsWith('@') ? ids[value.slice(1)]
    : Array.isArray(value) ? value.map(resolve)
    : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]))
    : value;
  for (const op of ops) {
    const result = await store.createRecord(op.table, resolve(op.input));
    if (!result.ok) throw new Error(op.ref + ': ' + JSON.stringify(result.error));
    ids[op.ref] = result.value.record.id;
  }
  db.close();
  return ids;
}
`;

let ids: Record<string, string> = {};
const tempDirs: string[] = [];

const app = appPerFile({ timeoutMs: SETUP_TIMEOUT_MS, setUp });

async function setUp(started: AppInBrowser): Promise<void> {
  const entryDir = mkdtempSync(join(tmpdir(), 'mmdma-e2e-seed-'));
  tempDirs.push(entryDir);
  const entry = join(entryDir, 'seed.js');
  writeFileSync(entry, SEED_ENTRY);
  await buildPageModule({ entry, outDir: started.build.outDir, fileName: SEED_MODULE });

  // Seed through the page (same origin as the app, so the same IndexedDB), then choose "me".
  const page = await started.context.newPage();
  await page.goto(started.baseUrl);
  // A string, not a function: the test runner would rewrite a dynamic import() inside a function.
  ids = await page.evaluate<Record<string, string>>(`import('/${SEED_MODULE}').then((module) => module.seed(${JSON.stringify(scenario())}))`);
  await page.evaluate(([assessmentId, anna]) => localStorage.setItem(`mmdma.me.${assessmentId}`, anna ?? ''), [ids.assessment, ids.anna] as const);
  await page.close();
}

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

async function open(hash: string, viewport: { width: number; height: number } = LAPTOP, language = 'en'): Promise<{ page: Page; errors: string[] }> {
  const { context, baseUrl } = app();
  const page = await context.newPage();
  const errors = recordErrors(page);
  await page.setViewportSize(viewport);
  await page.addInitScript((value) => localStorage.setItem('mmdma.language', value), language);
  await page.goto(`${baseUrl}${hash}`);
  return { page, errors };
}

const ratingHash = (subTopicId = SUB_TOPIC) => `#/a/${ids.assessment}/rating/${subTopicId}`;
const findingsHash = (pillarId = PILLAR) => `#/a/${ids.assessment}/findings/${pillarId}`;
const cell = (page: Page, indicatorId: string, trackId: string) => page.locator(`section.track-rating[data-indicator-id="${indicatorId}"][data-track-id="${trackId}"]`);
const checkedLevel = (section: Locator) => section.evaluate((element) => element.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value ?? 'none');
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function waitForRating(page: Page): Promise<void> {
  await page.locator('.rating-header h2').waitFor({ timeout: 15_000 });
  await cell(page, REGISTERS, 'central').waitFor();
}

/** Waits until the shell's save indicator says every edit is stored (before a reload). */
async function saved(page: Page): Promise<void> {
  await eventually(() => page.locator('.app-header .save-indicator').getAttribute('data-state'), 'saved', 10_000);
}

async function overflow(page: Page): Promise<string | undefined> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  return scrollWidth > innerWidth ? `page is ${scrollWidth}px wide in a ${innerWidth}px window` : undefined;
}

describe('rating screen', () => {
  it('shows the evidence per indicator and track with source, date, kind and suggested level; filters it', async () => {
    const { page, errors } = await open(ratingHash());
    await waitForRating(page);
    expect(await text(page.locator('.rating-header h2'))).toContain('6.5.3');

    const registers = cell(page, REGISTERS, 'central');
    // n1 (indicator, central) and n2 (indicator, both tracks); n3 is migration-only.
    await eventually(() => registers.locator('.evidence-row').count(), 2);
    const rows = await registers.locator('.evidence-row').allTextContents();
    expect(rows[0]).toContain('All registers are connected');
    expect(rows[0]).toContain('EKENG');
    expect(rows[0]).toContain('October 4, 2022');
    expect(rows[0]).toContain(enRating.kind.quote);
    expect(rows[0]).toContain(levelName('established'));
    expect(rows[0]).toContain('Boris Notes');
    expect(rows[1]).toContain('arlis.am');

    // A note tagged to the sub-topic without an indicator counts for every indicator on its track.
    const migration = cell(page, REGISTERS, 'migration');
    expect(await migration.locator('.evidence-row').count()).toBe(2);
    expect(await text(migration.locator('.evidence-row').last())).toContain('Migration Service');

    // Filter by kind.
    await registers.getByLabel(enRating.evidence.filterKind).selectOption('quote');
    await eventually(() => registers.locator('.evidence-row').count(), 1);
    expect(await text(registers.locator('.evidence-shown'))).toBe('Showing 1 of 2 notes');
    await registers.getByLabel(enRating.evidence.filterKind).selectOption('all');

    // Desk research is a source of its own.
    const openData = cell(page, OPEN_DATA, 'central');
    expect(await text(openData.locator('.evidence-row'))).toContain(enRating.evidence.deskResearch);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('rates two indicators by keyboard, with rationale and linked evidence, and the estimate follows', async () => {
    const { page, errors } = await open(ratingHash());
    await waitForRating(page);
    const registers = cell(page, REGISTERS, 'central');
    const estimate = registers.locator('.team-estimate');
    // Before Anna rates: Boris's rating is the basis.
    await eventually(async () => (await text(estimate)).includes('Developing (2.0)'), true);

    // Keyboard: into the group, "3" chooses the third level, → the next one, ← back.
    await registers.locator('input[type="radio"]').first().focus();
    await page.keyboard.press('3');
    expect(await checkedLevel(registers)).toBe('established');
    await page.keyboard.press('ArrowRight');
    expect(await checkedLevel(registers)).toBe('advanced');
    await page.keyboard.press('ArrowLeft');
    expect(await checkedLevel(registers)).toBe('established');
    await page.keyboard.press('Tab');
    // Anna "established" (3) + Boris "developing" (2) = 2.5.
    await eventually(async () => (await text(estimate)).includes('(2.5)'), true);
    expect(await text(estimate)).toContain(enRating.basis.ratings);
    expect(await text(registers.locator('.team-spread'))).toContain('1 level');

    // The rationale saves itself; ticking a note links it to the rating.
    const rationale = registers.getByLabel(enRating.mine.rationale);
    await rationale.fill('Registers connected; exchange layer in use since 2020.');
    await rationale.blur();
    await registers.locator('.evidence-row').first().getByLabel(enRating.evidence.supports).check();
    await eventually(async () => (await text(registers.locator('.evidence-panel summary'))).includes('1 supports my rating'), true);

    // Second indicator (exchange), by digit only, then "0" is "cannot judge" on its migration track.
    const exchange = cell(page, EXCHANGE, 'central');
    const exchangeEstimate = exchange.locator('.team-estimate');
    await exchange.locator('input[type="radio"]').first().focus();
    await page.keyboard.press('1');
    await page.keyboard.press('Tab');
    await eventually(async () => (await text(exchangeEstimate)).includes('(1.5)'), true);
    const exchangeMigration = cell(page, EXCHANGE, 'migration');
    await exchangeMigration.locator('input[type="radio"]').first().focus();
    await page.keyboard.press('0');
    expect(await text(exchangeMigration.locator('.my-level'))).toContain(enRating.level.cannotJudge);
    await page.keyboard.press('Tab');
    await saved(page);

    // The sub-topic's estimate moved from evidence to ratings, and my progress shows in the picker.
    await eventually(async () => (await text(page.locator(`a[data-sub-topic-id="${SUB_TOPIC}"] .progress-mark`))).startsWith('3/6'), true);
    // With two assessors in the pillar, agreement is computed.
    await eventually(async () => (await page.locator('.agreement-table tbody tr').count()) === 1, true);
    expect(await text(page.locator('.agreement-table tbody tr'))).toContain('Anna Lead and Boris Notes');

    await page.reload();
    await waitForRating(page);
    const again = cell(page, REGISTERS, 'central');
    await eventually(() => checkedLevel(again), 'established');
    expect(await again.getByLabel(enRating.mine.rationale).inputValue()).toBe('Registers connected; exchange layer in use since 2020.');
    expect(await again.locator('.evidence-row').first().getByLabel(enRating.evidence.supports).isChecked()).toBe(true);
    expect(await checkedLevel(cell(page, EXCHANGE, 'central'))).toBe('emerging');
    expect(await text(cell(page, EXCHANGE, 'migration').locator('.my-level'))).toContain(enRating.level.cannotJudge);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets the lead set a consensus with a rationale, change it, and keeps the history', async () => {
    const { page, errors } = await open(ratingHash());
    await waitForRating(page);
    const editor = page.locator(`.sub-topic-consensus .consensus-editor[data-track-id="central"]`);
    expect(await text(editor.locator('.consensus-figures'))).toContain(enRating.consensus.notSet);

    await editor.getByRole('radio', { name: levelName('established') }).check();
    await editor.getByLabel(enRating.consensus.rationale).fill('All registers connected; the exchange layer is mandatory.');
    await editor.getByRole('button', { name: enRating.consensus.set }).click();
    await eventually(async () => (await text(editor.locator('.consensus-figures'))).includes('set by Anna Lead'), true);
    // The gap to the estimate is shown, never hidden.
    expect(await text(editor.locator('.gap'))).toMatch(/above the estimate|matches the estimate|below the estimate/);

    // Change it: the previous level and rationale move to the history.
    await editor.getByRole('radio', { name: levelName('developing') }).check();
    await editor.getByRole('button', { name: enRating.consensus.change }).click();
    await eventually(() => editor.locator('.consensus-history li').count(), 2);
    await editor.getByLabel(enRating.consensus.rationale).fill('Exchange layer exists but is not used for migration data.');
    await editor.getByLabel(enRating.consensus.rationale).blur();
    await saved(page);

    await page.reload();
    await waitForRating(page);
    const reloaded = page.locator(`.sub-topic-consensus .consensus-editor[data-track-id="central"]`);
    await eventually(() => reloaded.locator('.consensus-history li').count(), 2);
    const history = await reloaded.locator('.consensus-history li').allTextContents();
    expect(history[0]).toContain(levelName('developing'));
    expect(history[0]).toContain(enRating.consensus.currentBadge);
    expect(history[0]).toContain('Exchange layer exists but is not used');
    expect(history[1]).toContain(levelName('established'));
    expect(history[1]).toContain('All registers connected; the exchange layer is mandatory.');
    expect(history[1]).toContain('set by Anna Lead');
    expect(history[1]).toMatch(/until [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    expect(await reloaded.getByLabel(enRating.consensus.rationale).inputValue()).toBe('Exchange layer exists but is not used for migration data.');

    // Pillar consensus, overall.
    const overall = page.locator(`.pillar-consensus .consensus-editor[data-track-id="overall"]`);
    await overall.getByRole('radio', { name: levelName('developing') }).check();
    await overall.getByRole('button', { name: enRating.consensus.set }).click();
    await eventually(async () => (await text(overall.locator('.consensus-figures'))).includes('set by Anna Lead'), true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no serious axe violations and fits tablet and laptop in every language; screenshots', async () => {
    const failures: string[] = [];
    for (const [language, viewport] of LANGUAGES.flatMap((l) => [TABLET, LAPTOP].map((v) => [l, v] as const))) {
      const { page, errors } = await open(ratingHash(), viewport, language);
      await waitForRating(page);
      await eventually(async () => (await page.locator('.consensus-history li').count()) > 0, true);
      for (const violation of await seriousAxeViolations(page)) failures.push(`${language} ${viewport.width}: ${violation}`);
      const wide = await overflow(page);
      if (wide) failures.push(`${language} ${viewport.width}: ${wide}`);
      const name = `rating-${language}-${viewport.width}x${viewport.height}`;
      await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`) });
      await saveFullPageScreenshot(page, join(RESULTS_DIR, `${name}-full.png`));
      await cell(page, REGISTERS, 'central').screenshot({ path: join(RESULTS_DIR, `${name}-indicator.png`) });
      await page.locator('.sub-topic-consensus').screenshot({ path: join(RESULTS_DIR, `${name}-consensus.png`) });
      await page.locator('.pillar-consensus').screenshot({ path: join(RESULTS_DIR, `${name}-pillar-consensus.png`) });
      await page.locator('.agreement-panel').screenshot({ path: join(RESULTS_DIR, `${name}-agreement.png`) });
      failures.push(...errors.map((error) => `${language} ${viewport.width}: ${error}`));
      await page.close();
    }
    expect(failures).toEqual([]);
  });
});

describe('findings screen', () => {
  async function add(page: Page, trackId: string, kind: string, value: string): Promise<void> {
    const list = page.locator(`.findings-track[data-track-id="${trackId}"] .finding-list[data-kind="${kind}"]`);
    const before = await list.locator('.finding-item').count();
    await list.locator('.finding-add').click();
    await eventually(() => list.locator('.finding-item').count(), before + 1);
    await eventually(() => page.evaluate(() => document.activeElement?.tagName ?? ''), 'TEXTAREA');
    await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  }
  const listTexts = (page: Page, trackId: string, kind: string) =>
    page.locator(`.findings-track[data-track-id="${trackId}"] .finding-list[data-kind="${kind}"] textarea`).evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value));
  const keyTexts = (page: Page) => page.locator('.key-list .key-text').allTextContents();

  it('adds strengths, areas of improvement and recommendations, reorders by keyboard, and keeps them', async () => {
    const { page, errors } = await open(findingsHash());
    await page.locator('.findings-header h2').waitFor({ timeout: 15_000 });
    expect(await text(page.locator('.findings-header h2'))).toContain('6.5');
    // The pillar's context: estimate and the consensus set on the rating screen.
    expect(await text(page.locator('.pillar-context'))).toContain(enFindings.context.overall);

    expect(await text(page.locator('.findings-track[data-track-id="central"] h3').first())).toBe(enFindings.track.central);
    expect(await text(page.locator('.findings-track[data-track-id="migration"] .finding-list[data-kind="strength"] h4'))).toBe(
      enFindings.list.migration.strength,
    );

    await add(page, 'central', 'strength', 'Population register is the single source of personal data.');
    await add(page, 'central', 'improvement', 'Publish the data exchange catalogue.');
    await add(page, 'central', 'improvement', 'Make the exchange layer mandatory for all agencies.');
    await eventually(async () => (await listTexts(page, 'central', 'improvement')).join('|'), 'Publish the data exchange catalogue.|Make the exchange layer mandatory for all agencies.');

    // Alt+↑ in the second area of improvement makes it the first.
    await page.locator('.findings-track[data-track-id="central"] .finding-list[data-kind="improvement"] textarea').nth(1).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await eventually(async () => (await listTexts(page, 'central', 'improvement')).join('|'), 'Make the exchange layer mandatory for all agencies.|Publish the data exchange catalogue.');
    expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.value)).toBe('Make the exchange layer mandatory for all agencies.');

    // Three recommendations, made key in this order.
    await add(page, 'central', 'recommendation', 'Adopt a data governance policy.');
    await add(page, 'central', 'recommendation', 'Connect the migration case system to the exchange layer.');
    await add(page, 'migration', 'recommendation', 'Issue chip identity documents to residents.');
    for (const [trackId, n] of [
      ['central', 0],
      ['central', 1],
      ['migration', 0],
    ] as const) {
      await page.locator(`.findings-track[data-track-id="${trackId}"] .finding-list[data-kind="recommendation"] .finding-item`).nth(n).getByLabel(enFindings.item.key).check();
    }
    await eventually(async () => (await keyTexts(page)).length, 3);
    expect(await keyTexts(page)).toEqual([
      'Adopt a data governance policy.',
      'Connect the migration case system to the exchange layer.',
      'Issue chip identity documents to residents.',
    ]);

    // Keyboard: on the third key recommendation's "Up" button, Alt+↑ twice makes it the first.
    await page.locator('.key-item').nth(2).locator('[data-control="up"]').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await eventually(async () => (await keyTexts(page))[1], 'Issue chip identity documents to residents.');
    await page.keyboard.press('Alt+ArrowUp');
    await eventually(async () => (await keyTexts(page))[0], 'Issue chip identity documents to residents.');
    // And Enter on "Down" of the first moves it back one place.
    await page.locator('.key-item').first().locator('[data-control="down"]').press('Enter');
    await eventually(async () => (await keyTexts(page)).join('|'), 'Adopt a data governance policy.|Issue chip identity documents to residents.|Connect the migration case system to the exchange layer.');

    // Delete (soft) and undo.
    const strengths = page.locator('.findings-track[data-track-id="central"] .finding-list[data-kind="strength"]');
    await strengths.locator('[data-control="delete"]').click();
    await eventually(() => strengths.locator('.finding-item').count(), 0);
    await strengths.getByRole('button', { name: enFindings.undo }).click();
    await eventually(() => strengths.locator('.finding-item').count(), 1);
    await saved(page);

    await page.reload();
    await page.locator('.findings-header h2').waitFor({ timeout: 15_000 });
    await eventually(async () => (await keyTexts(page)).join('|'), 'Adopt a data governance policy.|Issue chip identity documents to residents.|Connect the migration case system to the exchange layer.');
    expect(await listTexts(page, 'central', 'improvement')).toEqual(['Make the exchange layer mandatory for all agencies.', 'Publish the data exchange catalogue.']);
    expect(await listTexts(page, 'central', 'strength')).toEqual(['Population register is the single source of personal data.']);
    expect(await text(page.locator('.finding-author').first())).toContain('Anna Lead');
    expect(await text(page.locator(`a[data-pillar-id="${PILLAR}"] .progress-mark`))).toContain('6');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no serious axe violations and fits tablet and laptop in every language; screenshots', async () => {
    const failures: string[] = [];
    for (const [language, viewport] of LANGUAGES.flatMap((l) => [TABLET, LAPTOP].map((v) => [l, v] as const))) {
      const { page, errors } = await open(findingsHash(), viewport, language);
      await page.locator('.findings-header h2').waitFor({ timeout: 15_000 });
      await eventually(async () => (await page.locator('.key-item').count()) > 0, true);
      for (const violation of await seriousAxeViolations(page)) failures.push(`${language} ${viewport.width}: ${violation}`);
      const wide = await overflow(page);
      if (wide) failures.push(`${language} ${viewport.width}: ${wide}`);
      const name = `findings-${language}-${viewport.width}x${viewport.height}`;
      await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`) });
      await saveFullPageScreenshot(page, join(RESULTS_DIR, `${name}-full.png`));
      await page.locator('.findings-tracks').screenshot({ path: join(RESULTS_DIR, `${name}-tracks.png`) });
      await page.locator('.key-recommendations').screenshot({ path: join(RESULTS_DIR, `${name}-key.png`) });
      failures.push(...errors.map((error) => `${language} ${viewport.width}: ${error}`));
      await page.close();
    }
    expect(failures).toEqual([]);
  });
});
