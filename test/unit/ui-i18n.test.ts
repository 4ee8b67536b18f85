import { h, type VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../src/i18n/createFormatters';
import { createI18n } from '../../src/i18n/createI18n';
import { isLanguage, pickLanguage } from '../../src/i18n/languages';
import { localize, resolveLocalized } from '../../src/i18n/localize';
import { interpolateNodes } from '../../src/ui/shared/interpolateNodes';

describe('createI18n', () => {
  it('is ready on return, in the requested language, with English as fallback', () => {
    const i18n = createI18n('ru');
    expect(i18n.isInitialized).toBe(true);
    expect(i18n.language).toBe('ru');
    expect(i18n.t('language.label')).toBe('Язык');
    expect(i18n.getFixedT('en')('language.label')).toBe('Language');
  });

  it('returns separate instances', () => {
    const a = createI18n('en');
    const b = createI18n('en');
    void a.changeLanguage('hy');
    expect(a.language).toBe('hy');
    expect(b.language).toBe('en');
  });

  it('uses Russian plural forms (one / few / many) with Intl number formatting', () => {
    const t = createI18n('ru').t;
    expect(t('explorer:counts.subTopics', { count: 1 })).toBe('1 подтема');
    expect(t('explorer:counts.subTopics', { count: 3 })).toBe('3 подтемы');
    expect(t('explorer:counts.subTopics', { count: 5 })).toBe('5 подтем');
    expect(t('explorer:counts.subTopics', { count: 21 })).toBe('21 подтема');
    expect(t('explorer:counts.pillars', { count: 10 })).toBe('10 компонентов');
    // Intl groups thousands with a (narrow) no-break space in Russian.
    expect(t('explorer:counts.indicators', { count: 1234 })).toMatch(/^1\s234 показателя$/u);
  });

  it('uses Armenian and English plural forms', () => {
    expect(createI18n('hy').t('explorer:counts.indicators', { count: 7 })).toBe('7 ցուցանիշ');
    const en = createI18n('en').t;
    expect(en('explorer:counts.indicators', { count: 1 })).toBe('1 indicator');
    expect(en('explorer:counts.indicators', { count: 1234 })).toBe('1,234 indicators');
  });

  it('does not HTML-escape interpolated values (Preact escapes on render)', () => {
    expect(createI18n('en').t('explorer:pillar.heading', { code: '6.5', name: 'Data & exchange' })).toBe('Pillar 6.5: Data & exchange');
  });
});

describe('languages', () => {
  it('recognises only the interface languages', () => {
    expect(['en', 'hy', 'ru'].every(isLanguage)).toBe(true);
    expect(isLanguage('de')).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });

  it('picks the first supported candidate by primary subtag', () => {
    expect(pickLanguage([null, 'de-AT', 'hy-AM', 'ru'])).toBe('hy');
    expect(pickLanguage(['RU_ru'])).toBe('ru');
    expect(pickLanguage(['fr', undefined])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });
});

describe('localize', () => {
  it('returns the text in the language, else English', () => {
    const text = { en: 'Strategic planning', ru: 'Стратегическое планирование', hy: '  ' };
    expect(localize(text, 'ru')).toBe('Стратегическое планирование');
    expect(localize(text, 'hy')).toBe('Strategic planning');
    expect(localize(text, 'fr')).toBe('Strategic planning');
  });

  it('says which language it fell back to', () => {
    expect(resolveLocalized({ en: 'Cybersecurity', ru: 'Кибербезопасность' }, 'ru')).toEqual({ text: 'Кибербезопасность', language: 'ru' });
    expect(resolveLocalized({ en: 'Cybersecurity' }, 'hy')).toEqual({ text: 'Cybersecurity', language: 'en' });
  });
});

describe('createFormatters', () => {
  it('formats numbers and dates in the interface language', () => {
    const date = new Date(Date.UTC(2022, 9, 10, 12));
    expect(createFormatters('en').number(12345.5)).toBe('12,345.5');
    expect(createFormatters('ru').number(12345)).toMatch(/^12\s345$/u);
    expect(createFormatters('en').date(date)).toBe('October 10, 2022');
    expect(createFormatters('ru').date(date)).toMatch(/^10 октября 2022/);
    expect(createFormatters('hy').date(date)).toMatch(/2022/);
  });
});

describe('interpolateNodes', () => {
  it('puts nodes where the translation has their placeholders, keeping the word order', () => {
    const t = createI18n('hy').t;
    const node = h('span', { lang: 'en' }, 'Strategic planning');
    const parts = interpolateNodes(t, 'explorer:pillar.heading', { code: '6.1' }, { name: node }) as VNode<{ children: unknown }>[];
    const children = parts.map((part) => part.props.children);
    expect(children).toEqual(['Հենասյուն 6.1 — ', node, '']);
  });
});
