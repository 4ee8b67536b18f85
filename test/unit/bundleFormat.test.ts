/**
 * The bundle format's fixed points: versions, limits, framework fit, file names, NDJSON parsing, the
 * writer's reports, the documented example manifest, and the rule that the bundle code stays free of
 * DOM and storage so it runs in Node (the command-line tool) and in the browser alike.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/exchange/bundle/bytes';
import { BUNDLE_LIMITS } from '../../src/exchange/bundle/limits';
import { bundleManifestSchema, MMDMA_APP_VERSION } from '../../src/exchange/bundle/format';
import { compareVersions, frameworkFit, installedFrameworkFit } from '../../src/exchange/bundle/frameworkMatch';
import { bundleFileName, slugify } from '../../src/exchange/bundle/fileName';
import { parseChanges } from '../../src/exchange/bundle/ndjson';
import { BundleRefusal } from '../../src/exchange/bundle/problem';
import { readBundle } from '../../src/exchange/bundle/readBundle';
import { writeBundle } from '../../src/exchange/bundle/writeBundle';
import { ATTACHMENT_BYTES, sampleInput } from '../integration/support/bundleTestKit';

describe('versions and limits', () => {
  it('writes the app version package.json declares', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(MMDMA_APP_VERSION).toBe(pkg.version);
  });

  it('keeps every limit positive and a bundle below 4 GiB (no ZIP64)', () => {
    for (const [name, value] of Object.entries(BUNDLE_LIMITS)) expect(value, name).toBeGreaterThan(0);
    expect(BUNDLE_LIMITS.MAX_TOTAL_BYTES).toBeLessThan(2 ** 32);
    expect(BUNDLE_LIMITS.MAX_ENTRIES).toBeLessThan(0xffff);
    expect(BUNDLE_LIMITS.MIN_PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });
});

describe('framework fit', () => {
  const here = { id: 'mmdma', version: '1.2.0' };
  it.each([
    [{ id: 'mmdma', version: '1.2.0' }, 'same'],
    [{ id: 'mmdma', version: '1.0.3' }, 'compatible'],
    [{ id: 'mmdma', version: '1.3.0' }, 'compatible'],
    [{ id: 'mmdma', version: '2.0.0' }, 'incompatible'],
    [{ id: 'eswatini-2024', version: '1.2.0' }, 'incompatible'],
  ])('of a bundle on %j against a local assessment on mmdma 1.2.0 is %s', (bundle, fit) => {
    expect(frameworkFit(bundle, here, 'the local assessment').fit).toBe(fit);
  });

  it('needs an installed framework of the same major version at least as new as the bundle’s', () => {
    expect(installedFrameworkFit({ id: 'mmdma', version: '1.1.0' }, [here]).fit).toBe('compatible');
    const newer = installedFrameworkFit({ id: 'mmdma', version: '1.3.0' }, [here]);
    expect(newer.fit === 'incompatible' && newer.reason).toMatch(/Install mmdma 1\.3\.0/);
    const missing = installedFrameworkFit({ id: 'other', version: '1.0.0' }, [here]);
    expect(missing.fit === 'incompatible' && missing.reason).toMatch(/not installed/);
  });

  it('orders versions semantically', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBe(1);
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBe(-1);
    expect(compareVersions('2.0.0', '2.0.0')).toBe(0);
  });
});

describe('file names', () => {
  it.each([
    ['MMDMA Armenia 2022', 'mmdma-armenia-2022'],
    ['Анна Петросян', 'anna-petrosian'],
    ['Աննա Պետրոսյան', 'anna-petrosyan'],
    ['Zoë Ångström-Ñúñez', 'zoe-angstrom-nunez'],
    ['../../etc/passwd', 'etc-passwd'],
    ['CON', 'con'],
    ['日本', 'x'],
    ['', 'x'],
  ])('slugify(%j) is %j', (text, slug) => {
    expect(slugify(text, 'x')).toBe(slug);
  });

  it('say assessment, assessor and the local date, in ASCII, at a bounded length', () => {
    const name = bundleFileName('MMDMA Armenia 2022', 'Anna Petrosyan', new Date(2026, 10, 24, 21, 30).getTime());
    expect(name).toBe('mmdma-armenia-2022_anna-petrosyan_2026-11-24.mmdma.zip');
    const long = bundleFileName('A'.repeat(300), 'B '.repeat(300), 0);
    expect(long.length).toBeLessThan(110);
    expect(long).toMatch(/^[a-z0-9_.-]+$/);
  });
});

describe('change chunks', () => {
  const line = (value: string) => `{"hlc":"001664787600001-0000-a1a1a1a1a1a1a1a1","node":"a1a1a1a1a1a1a1a1","table":"assessment","id":"01900000-0000-7000-8000-000000000001","field":"notes","value":${value}}`;
  const parse = (text: string) => {
    try {
      return parseChanges(new TextEncoder().encode(text), 'changes/000001.ndjson', BUNDLE_LIMITS.MAX_JSON_DEPTH);
    } catch (error) {
      if (error instanceof BundleRefusal) return error.problem;
      throw error;
    }
  };

  it('parse one change per line', () => {
    expect(parse(`${line('"a"')}\n${line('{"deep":[1,2,{"x":null}]}')}\n`)).toHaveLength(2);
  });

  it.each([
    ['an empty line', `${line('"a"')}\n\n${line('"b"')}\n`, /line 2 is not valid JSON/],
    ['a __proto__ key deep in a value', `${line('{"a":[{"__proto__":{"x":1}}]}')}\n`, /"__proto__" key at value\.a\[0\]/],
    ['a value nested too deep', `${line(`${'['.repeat(100)}${']'.repeat(100)}`)}\n`, /nests values more than 64 levels/],
    ['a field named constructor', `${line('"a"').replace('"notes"', '"constructor"')}\n`, /field is a reserved name/],
  ])('refuse %s', (_what, text, message) => {
    expect(parse(text)).toMatchObject({ code: 'invalid-changes', message: expect.stringMatching(message) });
  });

  it('refuse bytes that are not UTF-8', () => {
    let problem: unknown;
    try {
      parseChanges(new Uint8Array([0xff, 0xfe, 0x0a]), 'changes/000001.ndjson', 64);
    } catch (error) {
      problem = error instanceof BundleRefusal ? error.problem : error;
    }
    expect(problem).toMatchObject({ code: 'invalid-changes', message: expect.stringMatching(/not valid UTF-8/) });
  });
});

describe('the writer', () => {
  it('skips attachments whose bytes are missing or damaged, and says which', async () => {
    const sha = await sha256Hex(ATTACHMENT_BYTES);
    const written = await writeBundle(
      await sampleInput({
        blobs: [
          { sha256: sha, mediaType: 'application/pdf', bytes: 10, read: async () => new TextEncoder().encode('other bytes') },
          { sha256: 'f'.repeat(64), mediaType: 'image/png', bytes: 10, read: async () => undefined },
        ],
      }),
    );
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    expect(written.value.skippedBlobs).toEqual([
      { sha256: sha, reason: 'damaged' },
      { sha256: 'f'.repeat(64), reason: 'missing' },
    ]);
    expect(written.value.manifest.blobsHeld).toEqual([]);
    const read = await readBundle(written.value.blob!);
    expect(read.ok && read.value.blobs).toEqual([]);
  });

  it('refuses more attachment bytes than a bundle may hold, before reading any', async () => {
    const written = await writeBundle(
      await sampleInput({ blobs: [{ sha256: 'f'.repeat(64), mediaType: 'video/mp4', bytes: 3 * 2 ** 30, read: async () => { throw new Error('must not read'); } }] }),
    );
    expect(!written.ok && written.error.code).toBe('too-large');
  });
});

describe('docs/bundle-format.md', () => {
  it('shows an example manifest that the schema accepts', () => {
    const doc = readFileSync('docs/bundle-format.md', 'utf8');
    const example = /<!-- example-manifest -->\s*```json\n([\s\S]*?)```/.exec(doc);
    expect(example, 'the example manifest block').not.toBeNull();
    const parsed = bundleManifestSchema.safeParse(JSON.parse(example![1]!));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });
});

describe('src/exchange/bundle', () => {
  it('imports no DOM-only, storage, UI or Node module, so it runs in Node and the browser', () => {
    const dir = 'src/exchange/bundle';
    const forbidden = /from\s+['"](dexie|preact[^'"]*|@preact\/[^'"]+|i18next|jszip|node:[^'"]+|\.\.\/\.\.\/(storage|ui|i18n|pwa)\/[^'"]*|\.\.\/(importBundle|exportBundle)['"])/;
    const browserOnly = /\b(window|document|indexedDB|localStorage|FileReader|navigator)\s*[.(]/;
    for (const file of readdirSync(dir)) {
      const source = readFileSync(join(dir, file), 'utf8');
      expect(source, `${file} imports`).not.toMatch(forbidden);
      expect(source, `${file} globals`).not.toMatch(browserOnly);
    }
  });
});
