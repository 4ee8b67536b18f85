/**
 * Tag type-ahead of the interview screen: codes by segment prefix, names by word prefix, aliases,
 * accents and case folded, names in other languages, and the ranking an assessor expects when
 * typing fast ("acc dat" → Access to data first).
 */
import { describe, expect, it } from 'vitest';
import { frameworkSchema, type FrameworkInput } from '../../src/core/framework/frameworkSchema';
import { indexFramework } from '../../src/core/framework/indexFramework';
import { buildTagCandidates, codeScore, foldText, matchTags, parseQuery, wordsOf } from '../../src/ui/screens/interview/matchTags';
import { builtinMmdma } from '../support/builtinFrameworks';
import { tinyFramework } from '../support/tinyFramework';

const mmdma = buildTagCandidates(builtinMmdma().index);

const codes = (query: string, limit = 8, language = 'en') => matchTags(mmdma, query, { language, limit }).map((match) => match.candidate.code);

function multilingual() {
  const input: FrameworkInput = tinyFramework();
  const [strategy, skills] = input.pillars;
  if (!strategy || !skills) throw new Error('tiny framework changed');
  const plan = strategy.subTopics[0];
  const officials = skills.subTopics[0];
  if (!plan || !officials) throw new Error('tiny framework changed');
  plan.name = { en: 'Plan', ru: 'Стратегия развития', hy: 'Ռազմավարություն' };
  plan.aliases = ['Stratégie numérique'];
  officials.name = { en: 'Officials’ e-Skills', ru: 'Навыки чиновников (ёмкость)' };
  return buildTagCandidates(indexFramework(frameworkSchema.parse(input)));
}

describe('folding', () => {
  it('ignores case and accents, unfolds compatibility forms', () => {
    expect(foldText('Éducation NUMÉRIQUE')).toBe('education numerique');
    expect(foldText('ёлка')).toBe('елка');
    expect(foldText('ﬁle')).toBe('file');
  });

  it('splits words on punctuation and also joins hyphenated words', () => {
    expect(wordsOf('National e-Governance strategy')).toEqual(['national', 'e', 'governance', 'egovernance', 'strategy']);
    expect(wordsOf('IT managers/CIO')).toEqual(['it', 'managers', 'cio', 'managerscio']);
    expect(wordsOf('Organization & coordination')).toEqual(['organization', 'coordination']);
  });

  it('reads a code and words from one query', () => {
    expect(parseQuery('#6.5 Access')).toEqual({ code: ['6', '5'], words: ['access'], phrase: 'access' });
    expect(parseQuery('  acc   dat ')).toEqual({ code: undefined, words: ['acc', 'dat'], phrase: 'acc dat' });
  });
});

describe('codes', () => {
  it('scores exact, deeper and partial segments', () => {
    expect(codeScore(['6', '5', '3'], ['6', '5', '3'])).toBe(0);
    expect(codeScore(['6', '5'], ['6', '5', '3'])).toBe(1);
    expect(codeScore(['6', '5', ''], ['6', '5', '3'])).toBe(1);
    expect(codeScore(['6', '1'], ['6', '10', '1'])).toBe(2);
    expect(codeScore(['6', '5', '3'], ['6', '5'])).toBeUndefined();
    expect(codeScore(['6', '4'], ['6', '5', '3'])).toBeUndefined();
    expect(codeScore(['7'], ['6', '5', '3'])).toBeUndefined();
  });

  it('finds a sub-topic by its full code, then its indicators', () => {
    expect(codes('6.5.3')).toEqual(['6.5.3', '6.5.3.1', '6.5.3.2', '6.5.3.3']);
  });

  it('finds the sub-topics of a pillar by the pillar code, sub-topics before indicators', () => {
    expect(codes('6.5', 3)).toEqual(['6.5.1', '6.5.2', '6.5.3']);
    expect(codes('6.5').slice(3)).toEqual(['6.5.1.1', '6.5.1.2', '6.5.1.3', '6.5.2.1', '6.5.3.1']);
  });

  it('puts complete segments before a partial one ("6.1" → 6.1.x before 6.10.1)', () => {
    expect(codes('6.1', 4)).toEqual(['6.1.1', '6.1.2', '6.1.3', '6.1.1.1']);
    expect(codes('6.1', 40)).toContain('6.10.1');
    expect(codes('6.1.', 40)).not.toContain('6.10.1');
    expect(codes('6.10')).toEqual(['6.10.1', '6.10.1.1']);
  });

  it('combines a code with words', () => {
    expect(codes('6.5 access', 1)).toEqual(['6.5.3']);
    expect(codes('6.4 legal', 1)).toEqual(['6.4.2']);
  });

  it('finds nothing for a code that does not exist', () => {
    expect(codes('7.1')).toEqual([]);
    expect(codes('6.11')).toEqual([]);
  });
});

describe('names', () => {
  it('matches word prefixes: "acc dat" finds Access to data first', () => {
    expect(codes('acc dat')[0]).toBe('6.5.3');
    expect(codes('access to data')[0]).toBe('6.5.3');
  });

  it('is case- and accent-insensitive', () => {
    expect(codes('ACCÈS'.replace('È', 'E').slice(0, 3) + ' DÂT')[0]).toBe('6.5.3');
    expect(codes('Dígital Ídentification')[0]).toBe('6.6.2');
  });

  it('ranks the whole name above a name that merely starts with it', () => {
    // "Legal framework" is the whole name of 6.1.3, 6.4.2 and 6.5.2, in framework order.
    expect(codes('legal framework', 3)).toEqual(['6.1.3', '6.4.2', '6.5.2']);
  });

  it('matches words in any order, after in-order matches', () => {
    const inOrder = matchTags(mmdma, 'data access', { language: 'en' });
    expect(inOrder.map((match) => match.candidate.code)).toContain('6.5.3');
    expect(inOrder.find((match) => match.candidate.code === '6.5.3')?.score).toBe(3);
  });

  it('requires every word typed to match a word of its own', () => {
    // 6.5.3 "Access to data" in pillar "Data management, secure data exchange" has one "access".
    expect(codes('access access', 40)).not.toContain('6.5.3');
    expect(codes('zzz')).toEqual([]);
  });

  it('does not match inside words', () => {
    expect(codes('ccess')).toEqual([]);
  });

  it('finds hyphenated and slashed words either way', () => {
    // "e-Governance" (6.1.1) and "e-government" (6.2.2), in framework order.
    expect(codes('egov', 2)).toEqual(['6.1.1', '6.2.2']);
    expect(codes('e gov', 2)).toEqual(['6.1.1', '6.2.2']);
    expect(codes('cio', 1)).toEqual(['6.2.3']);
  });

  it('finds sub-topics through an alias and says which alias matched', () => {
    const matches = matchTags(mmdma, 'digitalisation strat', { language: 'en' });
    expect(matches[0]?.candidate.code).toBe('6.1.1');
    expect(matches[0]?.alias).toBe('Digitalisation strategy');
    // "Secure data exchange" is 6.5.3's alias and indicator 6.5.3.2's label: the sub-topic first.
    const secure = matchTags(mmdma, 'secure data exchange', { language: 'en' });
    expect(secure[0]?.candidate.code).toBe('6.5.3');
    expect(secure[0]?.alias).toBe('Secure data exchange');
    expect(secure[1]?.candidate.code).toBe('6.5.3.2');
    expect(secure[1]?.alias).toBeUndefined();
  });

  it('finds sub-topics through their pillar name, after direct matches', () => {
    // Indicators whose own label says "cybersecurity" come first; then the pillar's sub-topics.
    const cyber = matchTags(mmdma, 'cyber', { language: 'en', limit: 40 });
    const subTopics = cyber.filter((match) => match.candidate.kind === 'subTopic');
    expect(subTopics.map((match) => match.candidate.code)).toEqual(['6.4.1', '6.4.2', '6.4.3']);
    expect(cyber.filter((match) => match.candidate.kind === 'indicator').every((match) => match.candidate.code.startsWith('6.4.'))).toBe(true);
    expect(codes('cyber legal', 1)).toEqual(['6.4.2']);
  });

  it('lists sub-topics with a word before indicators that start with it', () => {
    const data = matchTags(mmdma, 'data', { language: 'en', limit: 4 }).map((match) => match.candidate.code);
    expect(data.slice(0, 2)).toEqual(['6.5.1', '6.5.3']);
    expect(data.slice(2)).toEqual(['6.5.1.2', '6.9.3.1']);
  });

  it('tags an indicator when its label is what was typed', () => {
    const matches = matchTags(mmdma, 'online payments', { language: 'en' });
    expect(matches[0]?.candidate).toMatchObject({ kind: 'indicator', code: '6.7.3.4', subTopicId: 'public-services.availability-maturity' });
  });

  it('limits the number of matches', () => {
    expect(codes('d', 5)).toHaveLength(5);
  });
});

describe('languages', () => {
  const candidates = multilingual();

  it('finds names in Russian and Armenian, with ё and е alike', () => {
    expect(matchTags(candidates, 'страт разв', { language: 'ru' })[0]?.candidate.code).toBe('1.1');
    expect(matchTags(candidates, 'ռազմ', { language: 'hy' })[0]?.candidate.code).toBe('1.1');
    expect(matchTags(candidates, 'емкость', { language: 'ru' })[0]?.candidate.code).toBe('2.1');
  });

  it('finds names in another language than the interface one, after names in it', () => {
    const english = matchTags(candidates, 'страт', { language: 'en' });
    expect(english[0]?.candidate.code).toBe('1.1');
    expect(english[0]?.score).toBeGreaterThan(matchTags(candidates, 'страт', { language: 'ru' })[0]?.score ?? Infinity);
  });

  it('folds accents in aliases', () => {
    expect(matchTags(candidates, 'strategie numerique', { language: 'en' })[0]).toMatchObject({ alias: 'Stratégie numérique' });
  });

  it('matches typographic apostrophes as word breaks', () => {
    expect(matchTags(candidates, 'officials e skills', { language: 'en' })[0]?.candidate.code).toBe('2.1');
    expect(matchTags(candidates, 'eskills', { language: 'en' })[0]?.candidate.code).toBe('2.1');
  });
});

describe('empty query', () => {
  it('lists the preferred ids first, then the suggested ones, without repeats', () => {
    const matches = matchTags(mmdma, '', {
      language: 'en',
      preferredIds: ['data-management.access-to-data', 'unknown'],
      emptyQueryIds: ['data-management.access-to-data', 'cybersecurity.policy-strategy'],
    });
    expect(matches.map((match) => match.candidate.code)).toEqual(['6.5.3', '6.4.1']);
  });

  it('lists nothing when nothing is suggested', () => {
    expect(matchTags(mmdma, '#', { language: 'en' })).toEqual([]);
  });
});
