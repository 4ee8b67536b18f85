import { describe, expect, it } from 'vitest';
import { validateFramework, type FrameworkProblem } from '../../src/core/framework/validateFramework';
import { tinyFramework } from '../support/tinyFramework';

function problemsOf(input: unknown): FrameworkProblem[] {
  const result = validateFramework(input);
  if (result.ok) throw new Error('expected the framework to be rejected');
  return result.error;
}

const clone = <T>(value: T): T => structuredClone(value);

describe('validateFramework', () => {
  it('accepts a well-formed framework and indexes it', () => {
    const result = validateFramework(tinyFramework());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.index.levelRank.get('established')).toBe(3);
    expect(result.value.index.targetRank).toBe(3);
    expect(result.value.index.tracksOfIndicator.get('strategy.plan.funded')).toEqual(['central']);
    expect(result.value.index.tracksOfIndicator.get('skills.officials.training')).toEqual(['central', 'migration']);
  });

  it('accepts JSON text', () => {
    expect(validateFramework(JSON.stringify(tinyFramework())).ok).toBe(true);
  });

  it('rejects text that is not JSON with the parser message', () => {
    const problems = problemsOf('{"format": "mmdma-framework",');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^not valid JSON/);
  });

  it('rejects a value that is not an object', () => {
    expect(problemsOf([1, 2, 3])[0]?.message).toBeTruthy();
    expect(problemsOf(null)[0]?.message).toBeTruthy();
  });

  it('reports every problem at once, each with its path', () => {
    const framework = clone(tinyFramework()) as any;
    // duplicate id
    framework.pillars[1].subTopics[0].id = 'strategy.plan';
    // a descriptor missing for a level
    delete framework.pillars[0].subTopics[0].indicators[0].descriptors.migration.advanced;
    // an unknown track
    framework.pillars[0].subTopics[0].indicators[1].descriptors = { border: framework.pillars[0].subTopics[0].indicators[1].descriptors.central };
    // a wrong type
    framework.pillars[0].code = 7;
    const problems = problemsOf(framework);
    const byPath = new Map(problems.map((p) => [p.path, p.message]));
    expect(byPath.get('pillars[1].subTopics[0].id')).toMatch(/duplicate id "strategy.plan" \(first used at pillars\[0\]\.subTopics\[0\]\.id\)/);
    expect(byPath.get('pillars[0].subTopics[0].indicators[0].descriptors.migration')).toBe('descriptor missing for level "advanced"');
    expect(byPath.get('pillars[0].subTopics[0].indicators[1].descriptors.border')).toMatch(/unknown track "border"; tracks are central, migration/);
    expect(byPath.get('pillars[0].code')).toMatch(/expected string/i);
    expect(problems.length).toBeGreaterThanOrEqual(4);
  });

  it('rejects a missing English text, an unknown target level and a bad version', () => {
    const framework = clone(tinyFramework()) as any;
    framework.levels[0].name = { hy: 'Սկզբնական' };
    framework.targetLevel = 'excellent';
    framework.version = 'v1';
    const paths = problemsOf(framework).map((p) => p.path);
    expect(paths).toContain('levels[0].name.en');
    expect(paths).toContain('targetLevel');
    expect(paths).toContain('version');
  });

  it('rejects shared descriptors mixed with per-track ones, unknown levels and the reserved track id', () => {
    const framework = clone(tinyFramework()) as any;
    const indicator = framework.pillars[1].subTopics[0].indicators[0];
    indicator.descriptors.central = clone(indicator.descriptors.shared);
    indicator.descriptors.central.excellent = { text: { en: 'x' }, source: 'derived' };
    framework.tracks.push({ id: 'shared', name: { en: 'Shared' } }, { id: 'overall', name: { en: 'Overall' } });
    const problems = problemsOf(framework);
    const messages = problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages.some((m) => m.includes('cannot be mixed with per-track descriptors (central)'))).toBe(true);
    expect(messages).toContain('pillars[1].subTopics[0].indicators[0].descriptors.central.excellent: unknown level "excellent"');
    expect(messages.some((m) => m.startsWith('tracks[2].id') && m.includes('reserved'))).toBe(true);
    expect(messages).toContain(`tracks[3].id: "overall" is reserved for a pillar's overall level`);
  });

  it('rejects duplicate level and track ids and duplicate codes', () => {
    const framework = clone(tinyFramework()) as any;
    framework.levels[3].id = 'emerging';
    framework.tracks[1].id = 'central';
    framework.pillars[1].subTopics[0].code = '1.1';
    const messages = problemsOf(framework).map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContain('levels[3].id: duplicate level id "emerging"');
    expect(messages).toContain('tracks[1].id: duplicate track id "central"');
    expect(messages).toContain('pillars[1].subTopics[0].code: duplicate code "1.1" (first used at pillars[0].subTopics[0].code)');
  });

  it('rejects an unknown format or a newer format version', () => {
    const framework = clone(tinyFramework()) as any;
    framework.format = 'survey';
    framework.formatVersion = 2;
    const paths = problemsOf(framework).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['format', 'formatVersion']));
  });

  it('rejects an oversize file without parsing it', () => {
    const problems = problemsOf(' '.repeat(10_000_001));
    expect(problems[0]?.message).toMatch(/at most 10000000/);
  });
});
