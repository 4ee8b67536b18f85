/**
 * The strings the app starts with: the lazily fetched language (one module per language, so one
 * chunk) brings every namespace file of that language, and the remembering translate function
 * answers exactly as i18next does, forgetting what it remembered whenever strings arrive.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { createTranslators } from '../../src/i18n/createTranslators';
import { createI18n } from '../../src/i18n/createI18n';
import { SUPPORTED_LANGUAGES } from '../../src/i18n/languages';
import { createLazyI18n } from '../../src/ui/shell/createLazyI18n';
import { ROOT } from '../e2e/support/paths';

/** Namespace files a language's chunk must bring (common is bundled; formats and glossary are data). */
function namespacesOnDisk(language: string): string[] {
  return readdirSync(join(ROOT, 'locales', language))
    .filter((file) => file.endsWith('.json') && !['common.json', 'formats.json', 'glossary.json'].includes(file))
    .map((file) => file.replace(/\.json$/, ''))
    .sort();
}

describe('createLazyI18n', () => {
  it.each(SUPPORTED_LANGUAGES)('%s: ready brings every namespace of the language in one load, and translates them', async (language) => {
    const { i18n, ready } = createLazyI18n(language);
    expect(i18n.getFixedT(language)('language.self')).not.toBe('language.self');
    expect(i18n.hasResourceBundle(language, 'interview')).toBe(false);
    await ready;
    const loaded = namespacesOnDisk(language).filter((namespace) => i18n.hasResourceBundle(language, namespace));
    expect(loaded).toEqual(namespacesOnDisk(language));
    expect(i18n.getFixedT(language)('shell:title.assessments')).not.toBe('title.assessments');
  });

  it('loads another language when asked, once however often it is asked', async () => {
    const { i18n, loadLanguage, ready } = createLazyI18n('en');
    await ready;
    expect(i18n.hasResourceBundle('ru', 'shell')).toBe(false);
    await Promise.all([loadLanguage('ru'), loadLanguage('ru')]);
    expect(namespacesOnDisk('ru').every((namespace) => i18n.hasResourceBundle('ru', namespace))).toBe(true);
  });
});

/** Every string of a language's files, as `namespace:dotted.key` → text. */
function stringsOf(language: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (namespace: string, prefix: string, value: unknown) => {
    if (typeof value === 'string') out.push([`${namespace}:${prefix}`, value]);
    else if (value && typeof value === 'object') for (const [name, child] of Object.entries(value)) walk(namespace, prefix ? `${prefix}.${name}` : name, child);
  };
  for (const file of readdirSync(join(ROOT, 'locales', language)).filter((name) => name.endsWith('.json') && !['formats.json', 'glossary.json'].includes(name))) {
    walk(file.replace(/\.json$/, ''), '', JSON.parse(readFileSync(join(ROOT, 'locales', language, file), 'utf8')) as unknown);
  }
  return out;
}

describe('createTranslators', () => {
  const instance = () => createI18n('en');

  it.each(SUPPORTED_LANGUAGES)('%s: every string, with string values for its placeholders (and one missing), reads as i18next reads it', (language) => {
    const i18n = instance();
    const remembering = createTranslators(i18n)(language);
    const plain = i18n.getFixedT(language);
    let withPlaceholders = 0;
    for (const [key, text] of stringsOf(language)) {
      const names = [...text.matchAll(/\{\{-?\s*([A-Za-z0-9_]+)/g)].map((match) => match[1] ?? '');
      const values = Object.fromEntries(names.map((name, i) => [name, `«value ${i} <b>&amp;</b> $t(x)»`]));
      expect(remembering(key, values), key).toBe(plain(key, values));
      expect(remembering(key, values), key).toBe(plain(key, values));
      if (names.length > 0) {
        withPlaceholders += 1;
        const [first, ...rest] = names;
        const missingOne = Object.fromEntries(rest.map((name) => [name, 'x']));
        expect(remembering(key, missingOne), `${key} without ${first}`).toBe(plain(key, missingOne));
      }
    }
    expect(withPlaceholders).toBeGreaterThan(50);
  });

  it('answers plain lookups, interpolation, plurals and missing keys exactly as i18next', () => {
    const i18n = instance();
    for (const language of SUPPORTED_LANGUAGES) {
      const remembering = createTranslators(i18n)(language);
      const plain = i18n.getFixedT(language);
      for (const key of ['language.self', 'shell:title.assessments', 'shell:no.such.key']) {
        expect(remembering(key)).toBe(plain(key));
        expect(remembering(key)).toBe(plain(key)); // the remembered answer, the second time
      }
      for (const count of [1, 3, 5, 21]) expect(remembering('explorer:counts.subTopics', { count })).toBe(plain('explorer:counts.subTopics', { count }));
    }
  });

  it('keeps one function per language until strings arrive, then answers with the new strings', () => {
    const i18n = i18next.createInstance();
    void i18n.init({ lng: 'en', resources: { en: { common: { greeting: 'Hello' } } }, ns: ['common'], defaultNS: 'common', initAsync: false, partialBundledLanguages: true });
    const translators = createTranslators(i18n);
    const before = translators('en');
    expect(translators('en')).toBe(before);
    expect(translators('ru')).not.toBe(before);
    expect(before('greeting')).toBe('Hello');
    expect(before('late:title')).toBe('title');

    i18n.addResourceBundle('en', 'late', { title: 'Arrived' }, true, true);
    const after = translators('en');
    expect(after).not.toBe(before);
    expect(after('late:title')).toBe('Arrived');
    expect(after('greeting')).toBe('Hello');

    i18n.addResourceBundle('en', 'common', { greeting: 'Hi' }, true, true);
    expect(translators('en')('greeting')).toBe('Hi');
  });
});
