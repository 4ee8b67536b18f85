import { describe, expect, it } from 'vitest';
import { applyPlan, exportPlan, progressPercent, verifyPlan } from '../../src/ui/screens/exchange/progressPercent';

describe('progressPercent', () => {
  it('gives each stage its share of one bar, in the order the stages run', () => {
    const plan = exportPlan(true);
    expect(progressPercent(undefined, plan)).toBe(0);
    expect(progressPercent({ stage: 'changes', done: 5, total: 10, unit: 'changes' }, plan)).toBe(7);
    expect(progressPercent({ stage: 'changes', done: 10, total: 10, unit: 'changes' }, plan)).toBe(15);
    expect(progressPercent({ stage: 'attachments', done: 1, total: 2, unit: 'bytes' }, plan)).toBe(55);
    expect(progressPercent({ stage: 'finishing', done: 1, total: 1, unit: 'bytes' }, plan)).toBe(100);
  });

  it('never moves backwards (a later report of an earlier stage holds the bar)', () => {
    const plan = applyPlan(true);
    const after = progressPercent({ stage: 'changes', done: 1, total: 4, unit: 'changes' }, plan);
    expect(after).toBe(62);
    expect(progressPercent({ stage: 'attachments', done: 0, total: 10, unit: 'bytes' }, plan, after)).toBe(62);
  });

  it('holds the bar for a stage the plan did not expect, and treats an empty stage as done', () => {
    const plan = exportPlan(false);
    expect(progressPercent({ stage: 'attachments', done: 5, total: 10, unit: 'bytes' }, plan, 40)).toBe(40);
    expect(progressPercent({ stage: 'changes', done: 0, total: 0, unit: 'changes' }, plan)).toBe(90);
    expect(progressPercent({ stage: 'changes', done: 3, total: 3, unit: 'bytes' }, verifyPlan(false))).toBe(100);
  });

  it('stays within 0–100 whatever the input', () => {
    const plan = verifyPlan(true);
    expect(progressPercent({ stage: 'attachments', done: 50, total: 10, unit: 'bytes' }, plan)).toBe(100);
    expect(progressPercent({ stage: 'changes', done: -5, total: 10, unit: 'bytes' }, plan)).toBe(0);
    expect(progressPercent(undefined, plan, 250)).toBe(100);
  });
});
