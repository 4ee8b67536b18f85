/**
 * The live dashboard in a real browser (Debian's Chromium, fresh profile) against the production
 * build served on 127.0.0.1, with a seeded assessment: the Armenia 2022 experts' ratings minus a few
 * (so something lacks evidence), one pillar known from an interview note alone (so it is
 * provisional), three institutions and four interviews.
 *
 * Data goes in through the storage API inside the page: a module served beside the app (below)
 * exposes the storage layer's `createStore` on `window`, writing to the same IndexedDB database the
 * app watches. Every later write must reach the open dashboard without a reload.
 *
 * Screenshots at 768×1024 and 1366×768 land in test-results/ for review.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import mmdmaV1 from '../../frameworks/mmdma-v1.json';
import { armeniaReference } from '../support/armeniaReference';
import { appPerFile, buildPageModule, eventually, LAPTOP, recordErrors, RESULTS_DIR, ROOT, saveFullPageScreenshot, seriousAxeViolations, TABLET, type AppInBrowser } from './support';

const SETUP_TIMEOUT_MS = 240_000;
const SEED_MODULE = 'e2e-dashboard-seed.js';

/**
 * The seed module, served beside the app (same origin, same IndexedDB): the storage layer's write
 * API on `window.__dashboardSeed` once imported. Built on its own next to the shared, cached build
 * of the app, rather than into a build of the app of this file's own (a fresh build each run). Its
 * writes reach the open dashboard as a write of another tab would: Dexie broadcasts every committed
 * change on a BroadcastChannel, which the app's own Dexie hears.
 */
const SEED_ENTRY = `
  import { createStore, openDatabase } from ${JSON.stringify(join(ROOT, 'src/storage/index.ts'))};
  const store = createStore(openDatabase());
  const unwrap = (result) => {
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value.record;
  };
  window.__dashboardSeed = {
    create: async (table, input) => unwrap(await store.createRecord(table, input)),
    update: async (table, id, patch) => unwrap(await store.updateFields(table, id, patch)),
  };
`;

/** Imports the seed module into a page already on the app's origin (a string: Vitest would rewrite a function's import()). */
const loadSeed = (page: Page) => page.evaluate(`import('/${SEED_MODULE}').then(() => undefined)`);

interface SeedApi {
  create(table: string, input: Record<string, unknown>): Promise<{ id: string } & Record<string, unknown>>;
  update(table: string, id: string, patch: Record<string, unknown>): Promise<{ id: string } & Record<string, unknown>>;
}

/** Pillars whose ratings are left out: 6.10 is then known from one interview note only. */
const EVIDENCE_ONLY_PILLAR = 'international-cooperation';
/** A sub-topic whose ratings are left out and that gets no note: it lacks evidence. */
const UNRATED_SUB_TOPIC = 'strategic-planning.legal-framework';

let assessmentId = '';
let leadId = '';

const app = appPerFile({
  beforeServe: async (built) => {
    const entryDir = mkdtempSync(join(tmpdir(), 'mmdma-e2e-dashboard-seed-'));
    try {
      writeFileSync(join(entryDir, 'seed.js'), SEED_ENTRY);
      await buildPageModule({ entry: join(entryDir, 'seed.js'), outDir: built.outDir, fileName: SEED_MODULE });
    } finally {
      rmSync(entryDir, { recursive: true, force: true });
    }
  },
  timeoutMs: SETUP_TIMEOUT_MS,
  setUp,
});

async function setUp({ context, baseUrl }: AppInBrowser): Promise<void> {
  const page = await context.newPage();
  await page.goto(baseUrl);
  await loadSeed(page);
  const seeded = await page.evaluate(
    async ({ frameworkVersion, statements, evidenceOnlyPillar, unratedSubTopic }) => {
      const seed = (window as unknown as { __dashboardSeed: SeedApi }).__dashboardSeed;
      const assessment = await seed.create('assessment', {
        title: 'Armenia 2022 (dashboard test)',
        country: 'Armenia',
        startDate: '2022-10-03',
        endDate: '2022-10-07',
        frameworkId: 'mmdma',
        frameworkVersion,
        status: 'fieldwork',
      });
      const assessmentId = assessment.id;
      const lead = await seed.create('assessor', { assessmentId, name: 'Ana Lead', role: 'lead' });
      const institution = (name: string, acronym: string, relevantPillarIds: string[]) =>
        seed.create('institution', { assessmentId, name, acronym, relevantPillarIds });
      const ekeng = await institution('e-Governance Infrastructure Implementation Agency', 'EKENG', ['data-management', 'digital-identity', 'digital-infrastructure']);
      const migration = await institution('Migration Service', 'MS', ['strategic-planning', 'public-services', 'international-cooperation']);
      const armstat = await institution('Statistical Committee', 'ARMSTAT', ['data-management', 'digital-skills']);
      const interview = (institutionId: string, status: string, date: string) =>
        seed.create('interview', { assessmentId, institutionId, date, status, consent: { given: true, scope: 'notes' }, interviewerIds: [lead.id] });
      const ekengInterview = await interview(ekeng.id, 'done', '2022-10-03');
      const migrationInterview = await interview(migration.id, 'done', '2022-10-04');
      await interview(migration.id, 'planned', '2022-10-06');
      await interview(armstat.id, 'planned', '2022-10-07');
      for (const statement of statements) {
        const pillarId = statement.indicatorId.split('.')[0];
        if (pillarId === evidenceOnlyPillar || statement.indicatorId.startsWith(`${unratedSubTopic}.`)) continue;
        await seed.create('rating', { assessmentId, assessorId: lead.id, indicatorId: statement.indicatorId, trackId: statement.trackId, level: statement.level });
      }
      const note = (interviewId: string, subTopicId: string, suggestedLevel: string | null, text: string) =>
        seed.create('observation', {
          assessmentId,
          interviewId,
          authorId: lead.id,
          kind: 'note',
          text,
          tags: [{ subTopicId, trackIds: ['central', 'migration'] }],
          suggestedLevel,
          createdAt: new Date().toISOString(),
        });
      await note(migrationInterview.id, 'international-cooperation.international-regional-cooperation', 'developing', 'Bilateral readmission data exchange is being piloted.');
      await note(ekengInterview.id, 'data-management.access-to-data', null, 'Interoperability platform in use by 40 agencies.');
      return { assessmentId, leadId: lead.id };
    },
    {
      frameworkVersion: mmdmaV1.version,
      statements: armeniaReference.statementLevels.map(({ indicatorId, trackId, level }) => ({ indicatorId, trackId, level })),
      evidenceOnlyPillar: EVIDENCE_ONLY_PILLAR,
      unratedSubTopic: UNRATED_SUB_TOPIC,
    },
  );
  assessmentId = seeded.assessmentId;
  leadId = seeded.leadId;
  await page.close();
}

async function openDashboard(viewport: { width: number; height: number } = LAPTOP): Promise<{ page: Page; errors: string[] }> {
  const { context, baseUrl } = app();
  const page = await context.newPage();
  const errors = recordErrors(page);
  await page.setViewportSize(viewport);
  await page.goto(`${baseUrl}#/a/${assessmentId}/dashboard`);
  await page.locator('.dash-pillar-table').waitFor();
  return { page, errors };
}

const pillarGroup = (page: Page, pillarId: string) => page.locator(`.dash-pillar-group[data-pillar-id="${pillarId}"]`);
const overallCell = (page: Page, pillarId: string) => pillarGroup(page, pillarId).locator('.dash-overall-cell');
const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

function seed(page: Page) {
  return {
    create: (table: string, input: Record<string, unknown>) =>
      page.evaluate(
        ([t, i]) => (window as unknown as { __dashboardSeed: SeedApi }).__dashboardSeed.create(t as string, i as Record<string, unknown>),
        [table, input] as const,
      ),
  };
}

// The tests share one seeded assessment and run in order: the live-update test adds a consensus,
// two ratings and a desk-research note, which the tests after it take into account.
describe('the live dashboard', () => {
  it('shows Table 3: ten pillars by track and overall, the overall line, and provisional figures marked in words', async () => {
    const { page, errors } = await openDashboard();
    expect(await page.locator('.dash-pillar-group').count()).toBe(10);
    expect(await page.locator('.dash-pillar-table thead th').allTextContents()).toEqual(['Pillar', 'Central government', 'Migration management', 'Overall']);
    expect(await text(page, '.dash h2')).toBe('Dashboard');

    // Data management: developing, tending towards established, like the report.
    const dataManagement = (await overallCell(page, 'data-management').textContent()) ?? '';
    expect(dataManagement).toContain('Developing, tending towards Established');
    expect(dataManagement).toMatch(/\d\.\d\d/);

    // International cooperation rests on one interview note: provisional, said in words.
    const cooperation = overallCell(page, EVIDENCE_ONLY_PILLAR);
    await expect.poll(() => cooperation.locator('.dash-tag-provisional').count()).toBeGreaterThan(0);
    expect(await cooperation.locator('.dash-tag-provisional').first().textContent()).toContain('Provisional: evidence only');
    expect(await cooperation.textContent()).toContain('Basis: evidence only');
    expect(await cooperation.locator('.dash-figure.is-provisional').count()).toBe(1);

    const overall = await text(page, '.dash-overall');
    expect(overall).toMatch(/^Overall: Developing, with a tendency towards Established in .*6\.5 Data management, secure data exchange/);
    // The level scale has a text equivalent.
    expect(await overallCell(page, 'data-management').locator('.dash-scale').getAttribute('aria-label')).toMatch(/Developing, score \d\.\d\d\. Target level: Established\./);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists the sub-topics still lacking evidence, each linking to its rating page, with the count', async () => {
    const { page } = await openDashboard();
    const section = page.locator('section[aria-labelledby="dash-lacking-heading"]');
    expect(await section.locator('.dash-lacking-count').textContent()).toMatch(/^1 of 25 scored sub-topics still lacks evidence on at least one track\./);
    const link = section.locator(`a[href="#/a/${assessmentId}/rating/${UNRATED_SUB_TOPIC}"]`);
    expect(await link.textContent()).toContain('6.1.3');
    expect(await section.textContent()).toContain('nothing yet on any track');
    expect(await pillarGroup(page, 'strategic-planning').locator('.dash-tag-lacking').textContent()).toContain('1 sub-topic lacks evidence');
    await page.close();
  });

  it('updates live, without a reload, as consensus, ratings and notes are saved', async () => {
    const { page, errors } = await openDashboard();
    await page.evaluate(() => {
      (window as unknown as { __notReloaded: boolean }).__notReloaded = true;
    });
    await loadSeed(page);
    const store = seed(page);

    // The experts' "developing" for digital skills as the lead's consensus: both figures and the gap.
    expect(await overallCell(page, 'digital-skills').textContent()).toContain('Emerging');
    await store.create('consensus', { assessmentId, scope: 'pillar', targetId: 'digital-skills', trackId: 'overall', level: 'developing', setBy: leadId });
    const consensus = overallCell(page, 'digital-skills').locator('.dash-consensus');
    await eventually(async () => consensus.count(), 1);
    expect(await consensus.textContent()).toContain('Consensus: Developing · estimate 1.25 Emerging · gap +0.75');
    expect(await consensus.locator('.dash-gap-flag').textContent()).toContain('differs from the estimate');
    expect(await overallCell(page, 'digital-skills').textContent()).toContain('Basis: consensus');

    // A rating for the sub-topic that lacked evidence: it leaves the list and the count drops.
    const lacking = page.locator('section[aria-labelledby="dash-lacking-heading"]');
    const indicatorId = armeniaReference.statementLevels.find((s) => s.indicatorId.startsWith(`${UNRATED_SUB_TOPIC}.`))?.indicatorId;
    expect(indicatorId).toBeDefined();
    await store.create('rating', { assessmentId, assessorId: leadId, indicatorId, trackId: 'central', level: 'established' });
    await store.create('rating', { assessmentId, assessorId: leadId, indicatorId, trackId: 'migration', level: 'developing' });
    await eventually(async () => (await lacking.locator('.dash-all-covered').count()) > 0, true);
    expect(await lacking.textContent()).toContain('Every scored sub-topic has a rating, evidence or a consensus on every track.');

    // A second interview note on the evidence-only pillar moves its score: (2 + 4) / 2 = 3 from one source.
    const before = await overallCell(page, EVIDENCE_ONLY_PILLAR).locator('.dash-figure-score').textContent();
    expect(before).toBe('2.00');
    await store.create('observation', {
      assessmentId,
      interviewId: null,
      authorId: leadId,
      kind: 'evidence',
      text: 'Desk research: the regional data-sharing agreement is ratified and in force.',
      tags: [{ subTopicId: 'international-cooperation.international-regional-cooperation', trackIds: ['central', 'migration'] }],
      suggestedLevel: 'advanced',
      createdAt: new Date().toISOString(),
    });
    // Two sources now (the Migration Service and desk research): the mean of their means, 3.00.
    await eventually(async () => overallCell(page, EVIDENCE_ONLY_PILLAR).locator('.dash-figure-score').textContent(), '3.00');
    expect(await overallCell(page, EVIDENCE_ONLY_PILLAR).textContent()).toContain('sources 2 levels apart');
    // The desk-research row appears in the grid with its note.
    await eventually(async () => page.locator('.dash-grid tbody tr.dash-grid-other').count(), 1);

    expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a pillar`s sub-topics from the keyboard and links each to the rating screen', async () => {
    const { page } = await openDashboard();
    const toggles = page.locator('.dash-drill-toggle');
    await toggles.first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('.dash-pillar-group')?.getAttribute('data-pillar-id'))).toBe('management-coordination');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.closest('.dash-pillar-group')?.getAttribute('data-pillar-id'))).toBe('international-cooperation');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const financing = pillarGroup(page, 'financing-model');
    expect(await financing.locator('.dash-drill-toggle').getAttribute('aria-expanded')).toBe('true');
    const drill = financing.locator('.dash-drill-table');
    expect(await drill.locator('tbody tr').count()).toBe(3);
    expect(await drill.locator('tbody th a').first().getAttribute('href')).toBe(`#/a/${assessmentId}/rating/financing-model.governmental-funding`);
    expect(await drill.locator('.dash-drill-descriptive').textContent()).toContain('Descriptive, not scored');
    // The lead's pillar consensus, from the rating screen's editor, folded under the sub-topics.
    const editor = financing.locator('.dash-consensus-editor');
    expect(await editor.locator('summary').textContent()).toBe("Team's level (consensus) for pillar 6.3 Financing model");
    expect(await editor.getAttribute('open')).toBeNull();
    await page.keyboard.press('Space');
    expect(await financing.locator('.dash-drill-table').count()).toBe(0);

    await page.getByRole('button', { name: 'Show all sub-topics' }).click();
    expect(await page.locator('.dash-drill-table').count()).toBe(10);
    await page.close();
  });

  it('shows the stakeholder × pillar grid: relevance, notes per pillar, interviews done and planned', async () => {
    const { page } = await openDashboard();
    const grid = page.locator('.dash-grid');
    const names = await grid.locator('tbody th[scope="row"]').allTextContents();
    expect(names.map((name) => name.trim())).toEqual(
      expect.arrayContaining(['e-Governance Infrastructure Implementation Agency (EKENG)', 'Migration Service (MS)', 'Statistical Committee (ARMSTAT)']),
    );
    expect(await grid.locator('thead th[scope="col"]').count()).toBe(12);
    const row = grid.locator('tbody tr', { hasText: 'Migration Service' });
    expect((await row.locator('td').first().textContent())?.replace(/\s+/g, ' ')).toContain('1 done · 1 planned');
    // Column 3 + 9 (6.10): relevant and one note.
    const cooperationCell = row.locator('td').nth(1 + 9);
    expect(await cooperationCell.locator('.visually-hidden').textContent()).toBe('relevant, 1 note');
    const ekengRow = grid.locator('tbody tr', { hasText: 'EKENG' });
    expect(await ekengRow.locator('td.is-missing').count()).toBe(2);
    await page.close();
  });

  it('fits a tablet and a laptop without page overflow, passes axe, and leaves screenshots', async () => {
    for (const [viewport, name] of [
      [TABLET, 'dashboard-768x1024'],
      [LAPTOP, 'dashboard-1366x768'],
    ] as const) {
      const { page, errors } = await openDashboard(viewport);
      await page.screenshot({ path: join(RESULTS_DIR, `${name}-top.png`) });
      await pillarGroup(page, 'data-management').locator('.dash-drill-toggle').click();
      await pillarGroup(page, 'data-management').locator('.dash-consensus-editor > summary').click();
      const sizes = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect(sizes.scrollWidth, name).toBeLessThanOrEqual(sizes.innerWidth);
      // Only the grid scrolls sideways, inside its own focusable region, with the names pinned.
      const region = page.locator('.dash-grid-scroll');
      expect(await region.getAttribute('tabindex')).toBe('0');
      expect(await page.locator('.dash-grid tbody th').first().evaluate((th) => getComputedStyle(th).position)).toBe('sticky');
      if (viewport === TABLET) expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      // Touch targets: the pillar toggles and the rating links are at least 40 px tall.
      const heights = await page.locator('.dash-drill-toggle, .dash-sub-topic-link').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
      expect(Math.min(...heights), name).toBeGreaterThanOrEqual(40);
      // axe on the dashboard alone: the shell around it has its own tests.
      expect(await seriousAxeViolations(page, '.dash'), name).toEqual([]);
      await saveFullPageScreenshot(page, join(RESULTS_DIR, `${name}.png`));
      await pillarGroup(page, 'data-management').screenshot({ path: join(RESULTS_DIR, `${name}-drilldown.png`) });
      expect(errors, name).toEqual([]);
      await page.close();
    }
  });
});
