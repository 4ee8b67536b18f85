/**
 * One word for one thing (issue 9): the method's terms are kept per language in
 * locales/<lang>/glossary.json, each with the English forms that call for it (`match` in en), the
 * stem every translation of such a string must use (`match`), and the variants it must not use
 * (`avoid`: "оценка" is the assessment, so a Russian rating is never one). Every string of every
 * locale file is checked against every term, by the English string of the same key.
 *
 * And the language's typography: Armenian writes «։» (U+0589) at the end of a sentence and «․»
 * (U+2024) for an abbreviation or a pause inside one, never a Latin full stop after an Armenian
 * letter; Russian interface text has no gendered "(а)" forms ("записал(а)").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = join(import.meta.dirname, '../../locales');
const LANGUAGES = ['en', 'hy', 'ru'] as const;
type Language = (typeof LANGUAGES)[number];

interface Term {
  readonly term: string;
  readonly match: string;
  readonly avoid: string;
}
const glossaryOf = (language: Language): Record<string, Term> => JSON.parse(readFileSync(join(LOCALES, language, 'glossary.json'), 'utf8')) as Record<string, Term>;

function flatten(value: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (typeof value === 'string') out.set(prefix, value);
  else if (typeof value === 'object' && value !== null) for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  return out;
}
/** Interface strings (glossary and calendar data aside), placeholders removed. */
function stringsOf(language: Language): Map<string, string> {
  const all = new Map<string, string>();
  for (const file of readdirSync(join(LOCALES, language)).filter((name) => name.endsWith('.json') && name !== 'glossary.json' && name !== 'formats.json')) {
    const namespace = file.replace(/\.json$/, '');
    for (const [key, value] of flatten(JSON.parse(readFileSync(join(LOCALES, language, file), 'utf8')), '', new Map())) {
      all.set(`${namespace}:${key}`, value.replace(/\{\{[^}]*\}\}/g, ''));
    }
  }
  return all;
}
/** The English string of a key; plural forms other languages have ("_few") read English's "_other". */
function englishOf(english: Map<string, string>, key: string): string | undefined {
  return english.get(key) ?? english.get(key.replace(/_(zero|one|two|few|many|other)$/, '_other'));
}

const english = stringsOf('en');
const englishGlossary = glossaryOf('en');

describe('the glossary', () => {
  it('has the same terms in every language, each with a term, forms to match and variants to avoid', () => {
    for (const language of LANGUAGES) {
      const glossary = glossaryOf(language);
      expect(Object.keys(glossary).sort(), language).toEqual(Object.keys(englishGlossary).sort());
      for (const [name, entry] of Object.entries(glossary)) {
        for (const field of ['term', 'match', 'avoid'] as const) expect(entry[field].trim(), `${language} ${name}.${field}`).not.toBe('');
        expect(() => new RegExp(entry.match, 'iu')).not.toThrow();
        expect(() => new RegExp(entry.avoid, 'iu')).not.toThrow();
      }
    }
  });

  for (const language of ['hy', 'ru'] as const) {
    it(`${language}: wherever English uses a term, the translation uses the glossary's word and none of its variants`, () => {
      const glossary = glossaryOf(language);
      const strings = stringsOf(language);
      const problems: string[] = [];
      for (const [name, englishEntry] of Object.entries(englishGlossary)) {
        const entry = glossary[name];
        if (!entry) continue;
        const inEnglish = new RegExp(englishEntry.match, 'iu');
        const use = new RegExp(entry.match, 'iu');
        const avoid = new RegExp(entry.avoid, 'iu');
        for (const [key, value] of strings) {
          const source = englishOf(english, key);
          if (source === undefined || !inEnglish.test(source)) continue;
          if (!use.test(value)) problems.push(`${key}: "${name}" should be «${entry.term}»: ${value}`);
          const clash = avoid.exec(value);
          // A word may serve two terms ("оценка" is the assessment): a variant only counts when the
          // string does not also speak of the term that owns it.
          if (clash && !ownedByAnotherTerm(clash[0], source, glossary, name)) problems.push(`${key}: "${name}" must not be «${clash[0]}»: ${value}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  /** Whether `word` is the right word for another term the English string also uses. */
  function ownedByAnotherTerm(word: string, source: string, glossary: Record<string, Term>, self: string): boolean {
    return Object.entries(glossary).some(
      ([name, entry]) => name !== self && new RegExp(englishGlossary[name]?.match ?? '$^', 'iu').test(source) && new RegExp(entry.match, 'iu').test(word),
    );
  }

  it('hy: a sentence ends with «։» and a pause or abbreviation is «․», never a Latin full stop after Armenian', () => {
    const latin = [...stringsOf('hy')].filter(([, value]) => /[\u0531-\u0587][»)]?\.(\s|$)/u.test(value)).map(([key]) => key);
    expect(latin).toEqual([]);
  });

  it('ru: no gendered "(а)" forms', () => {
    const gendered = [...stringsOf('ru')].filter(([, value]) => /\((а|ла|на|ло)\)/u.test(value)).map(([key]) => key);
    expect(gendered).toEqual([]);
  });
});
