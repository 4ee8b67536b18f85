/**
 * A framework file with 100,000 mistakes (issue 8, item 6): validation finds and counts every one,
 * with its path, instead of overflowing the call stack (zod gathers a subtree's issues with
 * `push(...issues)`). The screen lists the first ones (test/e2e/hardening.e2e.test.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFramework } from '../../src/core/framework/validateFramework';

describe('a framework with 100,000 mistakes', () => {
  it('is refused with every problem counted, the first ones in file order', () => {
    const framework = JSON.parse(readFileSync('frameworks/mmdma-v1.json', 'utf8')) as { pillars: Array<{ subTopics: Array<{ indicators: unknown[] }> }> };
    framework.pillars[0]!.subTopics[0]!.indicators = Array.from({ length: 50_000 }, (_, i) => ({ id: `Bad Id ${i}`, code: 5, label: { en: 'x' }, descriptors: { shared: {} } }));
    const validated = validateFramework(JSON.stringify(framework));
    expect(validated.ok).toBe(false);
    if (validated.ok) return;
    expect(validated.error.length).toBeGreaterThanOrEqual(100_000);
    expect(validated.error[0]!.path).toMatch(/^pillars\[0\]\.subTopics\[0\]\.indicators\[0\]\./);
    for (const problem of validated.error.slice(0, 100)) expect(problem.message).not.toBe('');
  }, 120_000);
});
