/**
 * Issue 11: the Armenia example, stored through the real store and exported as a bundle, becomes a
 * report through `mmdma report` in every format, each holding Table 3; bad input gets a clear
 * message and writes nothing.
 */
import 'fake-indexeddb/auto';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import exampleJson from '../../src/example/armenia-2022-example.json';
import reference from '../fixtures/armenia-2022.json';
import { main } from '../../src/cli/main';
import { seedArmeniaExample } from '../../src/example/seedArmeniaExample';
import { exportBundle } from '../../src/exchange/exportBundle';
import { builtinMmdma } from '../support/builtinFrameworks';
import { openTestStore, unwrap } from './support/storageTestKit';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'mmdma-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const bundlePath = join(work, 'armenia.mmdma.zip');

async function inProcess(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, cwd: work });
  return { code, stdout, stderr };
}

const TABLE3_ROWS = ['1. Strategic planning', '2. Management and coordination', '3. Financing model', '4. Cybersecurity', '5. Data management, secure data exchange', '6. Digital identity management', '7. Access to public services', '8. Digital skills', '9. Digital infrastructure framework', '10. International cooperation'];

beforeAll(async () => {
  const { store } = openTestStore({ label: 'report-cli' });
  const seeded = unwrap(await seedArmeniaExample(store, builtinMmdma().index, async () => exampleJson));
  const exported = unwrap(await exportBundle(store, { assessmentId: seeded.assessmentId, includeAttachments: false, createdBy: { name: 'Example Lead' } }));
  writeFileSync(bundlePath, new Uint8Array(await exported.blob.arrayBuffer()));
}, 60_000);

describe('mmdma report', () => {
  it('writes Markdown with every Table 3 row ticked at the experts’ level', async () => {
    const out = await inProcess(['report', bundlePath, '--format', 'md', '-o', 'r.md']);
    expect(out.stderr).toContain('wrote r.md');
    expect(out.code).toBe(0);
    const md = readFileSync(join(work, 'r.md'), 'utf8');
    TABLE3_ROWS.forEach((row, n) => {
      const line = md.split('\n').find((l) => l.startsWith(`| ${row} |`))!;
      const cells = line.split(' | ');
      const column = ['emerging', 'developing', 'established', 'advanced'].indexOf(reference.pillarLevels[n]!.level) + 1;
      expect(cells[column], row).toMatch(/^✓/);
    });
  });

  it('writes a self-contained HTML file with Table 3 and no script', async () => {
    expect((await inProcess(['report', bundlePath, '--format', 'html', '-o', 'r.html'])).code).toBe(0);
    const html = readFileSync(join(work, 'r.html'), 'utf8');
    expect(html).toContain('<table id="table-3"');
    for (const row of TABLE3_ROWS) expect(html).toContain(row);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('counter(page)');
  });

  it('writes a DOCX that mammoth reads with Table 3, in Russian when asked', async () => {
    const out = await inProcess(['report', bundlePath, '--format', 'docx', '--lang', 'ru', '-o', 'r.docx']);
    expect(out.code).toBe(0);
    const { value } = await mammoth.convertToHtml({ path: join(work, 'r.docx') });
    expect(value).toContain('Таблица 3. Общая цифровая зрелость по компонентам');
    expect(value).toContain('1. Стратегическое планирование');
  }, 30_000);

  it('writes the CSV of ratings, consensus and evidence without the confidential note', async () => {
    expect((await inProcess(['report', bundlePath, '--format', 'csv', '-o', 'r.csv'])).code).toBe(0);
    const csv = readFileSync(join(work, 'r.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('record,pillar,sub_topic,indicator,track,level,assessor,institution,date,kind,text,source');
    expect(csv).toMatch(/^consensus,6\.1,,,overall,developing,Example Lead/m);
    expect(csv).not.toContain('off the record');
    expect(csv).toContain('confidential notes left out: 1');
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const missingFormat = await inProcess(['report', bundlePath, '-o', 'x.md']);
    expect(missingFormat.code).toBe(2);
    expect(missingFormat.stderr).toContain('--format must be html, md, docx or csv');
    expect((await inProcess(['report', bundlePath, '--format', 'pdf', '-o', 'x.md'])).stderr).toContain('--format must be');
    expect((await inProcess(['report', bundlePath, '--format', 'md'])).stderr).toContain('report needs -o <file>');
    expect((await inProcess(['report', bundlePath, '--format', 'md', '--lang', 'fr', '-o', 'x.md'])).stderr).toContain('--lang must be en, hy or ru');
    writeFileSync(join(work, 'not-a-bundle.zip'), 'hello');
    const refused = await inProcess(['report', 'not-a-bundle.zip', '--format', 'md', '-o', 'x.md']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not-a-bundle\.zip: refused \(/);
    writeFileSync(join(work, 'bad-framework.json'), '{"format":"mmdma-framework"}');
    const badFramework = await inProcess(['report', bundlePath, '--format', 'md', '--framework', 'bad-framework.json', '-o', 'x.md']);
    expect(badFramework.code).toBe(2);
    expect(badFramework.stderr).toContain('bad-framework.json: not a valid framework');
    expect(existsSync(join(work, 'x.md'))).toBe(false);
    const exists = await inProcess(['report', bundlePath, '--format', 'md', '-o', 'r.md']);
    expect(exists.stderr).toContain('r.md exists');
  });

  it('runs as people run it (bin/mmdma.mjs)', async () => {
    const { stderr } = await run(process.execPath, ['bin/mmdma.mjs', 'report', bundlePath, '--format', 'md', '-o', join(work, 'spawned.md')], { encoding: 'utf8' });
    expect(stderr).toContain('wrote');
    expect(readFileSync(join(work, 'spawned.md'), 'utf8')).toContain('Table 3. Overall digital maturity per pillar');
  }, 30_000);
});
