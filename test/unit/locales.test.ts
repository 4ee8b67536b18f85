/**
 * Every locale says everything English says, and nothing else: same namespaces, same keys, the
 * plural forms its own language needs (per Intl.PluralRules), the same {{placeholders}}, no empty
 * strings, and no untranslated copies of the English. And every t('…') literal under src/ exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LOCALES_DIR = join(ROOT, 'locales');
const SRC_DIR = join(ROOT, 'src');
const REFERENCE = 'en';
const DEFAULT_NAMESPACE = 'common';
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Strings that are rightly the same in every language (a brand name, pure placeholders). */
const SAME_AS_ENGLISH_ALLOWED = new Set(['common:app.name']);
/** Namespaces read whole by code rather than key by key through t(). */
const READ_BY_CODE = ['formats', 'glossary'];

type Flat = Map<string, unknown>;

function flatten(value: unknown, prefix: string, out: Flat): Flat {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

const languages = readdirSync(LOCALES_DIR).filter((name) => statSync(join(LOCALES_DIR, name)).isDirectory());
const namespacesOf = (language: string) =>
  readdirSync(join(LOCALES_DIR, language))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''))
    .sort();

/** Every string of a locale, keyed "namespace:dotted.key". */
function loadLocale(language: string): Flat {
  const all: Flat = new Map();
  for (const namespace of namespacesOf(language)) {
    const json: unknown = JSON.parse(readFileSync(join(LOCALES_DIR, language, `${namespace}.json`), 'utf8'));
    for (const [key, value] of flatten(json, '', new Map())) all.set(`${namespace}:${key}`, value);
  }
  return all;
}

interface Shape {
  /** Keys without plural forms. */
  readonly plain: Set<string>;
  /** Plural keys: base key → the categories present. */
  readonly plurals: Map<string, Set<string>>;
}

function shapeOf(strings: Flat, referencePluralBases?: ReadonlySet<string>): Shape {
  const plain = new Set<string>();
  const plurals = new Map<string, Set<string>>();
  for (const key of strings.keys()) {
    const match = PLURAL_SUFFIX.exec(key);
    const base = match ? key.slice(0, match.index) : undefined;
    // A suffix only means a plural form when English treats that base as plural (or, for English
    // itself, always), so a key that merely ends in "_one" can't hide a missing translation.
    if (match && base !== undefined && (referencePluralBases === undefined || referencePluralBases.has(base))) {
      const categories = plurals.get(base) ?? new Set<string>();
      categories.add(match[1] ?? '');
      plurals.set(base, categories);
    } else {
      plain.add(key);
    }
  }
  return { plain, plurals };
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]).sort();
const sorted = (values: Iterable<string>) => [...values].sort();

const reference = loadLocale(REFERENCE);
const referenceShape = shapeOf(reference);
const referencePluralBases = new Set(referenceShape.plurals.keys());

describe('locales', () => {
  it('includes English, Armenian and Russian', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'hy', 'ru']));
  });

  it('English uses exactly the plural forms English needs', () => {
    const needed = sorted(new Intl.PluralRules(REFERENCE).resolvedOptions().pluralCategories);
    for (const [base, categories] of referenceShape.plurals) {
      expect(sorted(categories), `${REFERENCE} ${base}`).toEqual(needed);
    }
  });

  for (const language of languages.filter((name) => name !== REFERENCE)) {
    describe(language, () => {
      const strings = loadLocale(language);
      const shape = shapeOf(strings, referencePluralBases);

      it('has the same namespace files as English', () => {
        expect(namespacesOf(language)).toEqual(namespacesOf(REFERENCE));
      });

      it('has every English key and no others', () => {
        const missing = sorted([...referenceShape.plain].filter((key) => !shape.plain.has(key)));
        const extra = sorted([...shape.plain].filter((key) => !referenceShape.plain.has(key)));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
        expect(sorted(shape.plurals.keys())).toEqual(sorted(referenceShape.plurals.keys()));
      });

      it(`has exactly the plural forms ${language} needs (Intl.PluralRules)`, () => {
        const needed = sorted(new Intl.PluralRules(language).resolvedOptions().pluralCategories);
        for (const [base, categories] of shape.plurals) {
          expect(sorted(categories), `${language} ${base}`).toEqual(needed);
        }
      });

      it('uses the same {{placeholders}} as English', () => {
        for (const [key, value] of strings) {
          const match = PLURAL_SUFFIX.exec(key);
          const base = match ? key.slice(0, match.index) : key;
          const englishValue = reference.get(key) ?? reference.get(`${base}_other`);
          if (typeof value !== 'string' || typeof englishValue !== 'string') continue;
          expect(placeholders(value), `${language} ${key}`).toEqual(placeholders(englishValue));
        }
      });

      it('is translated, not copied from English', () => {
        const copies = [...strings].filter(([key, value]) => {
          if (SAME_AS_ENGLISH_ALLOWED.has(key) || value !== reference.get(key) || typeof value !== 'string') return false;
          // Strings made only of placeholders and punctuation are the same in every language.
          return /\p{L}/u.test(value.replace(/\{\{[^}]*\}\}/g, ''));
        });
        expect(copies.map(([key]) => key)).toEqual([]);
      });
    });
  }

  for (const language of languages) {
    it(`${language} has no empty or non-string values`, () => {
      const bad = [...loadLocale(language)].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
      expect(bad.map(([key]) => key)).toEqual([]);
    });
  }
});

describe('t() keys used in src/', () => {
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return walk(path);
      return /\.(ts|tsx)$/.test(name) ? [path] : [];
    });
  })(SRC_DIR);

  // t('key'), t("key"), getFixedT(lang)('key') and interpolateNodes(t, 'key', …).
  const CALL = /(?:\bt\(|getFixedT\([^()]*\)\(|interpolateNodes\(\s*t\s*,)\s*(['"`])([^'"`$]+)\1/g;
  const uses = files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(CALL)].map((match) => ({ file: relative(ROOT, file), key: match[2] ?? '' })),
  );

  it('finds the keys (the scan itself works)', () => {
    expect(uses.length).toBeGreaterThan(20);
  });

  it('every key exists in English', () => {
    const missing = uses.filter(({ key }) => {
      const qualified = key.includes(':') ? key : `${DEFAULT_NAMESPACE}:${key}`;
      return !reference.has(qualified) && !referencePluralBases.has(qualified);
    });
    expect(missing).toEqual([]);
  });

  it('every English key is used somewhere', () => {
    const used = new Set(uses.map(({ key }) => (key.includes(':') ? key : `${DEFAULT_NAMESPACE}:${key}`)));
    // Namespaces that are data read by code as a whole, not strings looked up with t(): the
    // calendar and number words of src/i18n/appIntl.ts, the glossary of the method's terms.
    const readByCode = (key: string) => READ_BY_CODE.some((namespace) => key.startsWith(`${namespace}:`));
    const unused = [...referenceShape.plain, ...referencePluralBases].filter((key) => !used.has(key) && !readByCode(key));
    expect(unused.sort()).toEqual([]);
  });
});
