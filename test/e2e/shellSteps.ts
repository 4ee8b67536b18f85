/**
 * Steps of the shell's browser tests, written as an assessor would do them: through labels, roles
 * and the interface's own (English) words, never through internal selectors where a label exists.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import enAssessments from '../../locales/en/assessments.json';
import enSetup from '../../locales/en/setup.json';
import enShell from '../../locales/en/shell.json';
import { eventually } from './support';

export const en = { assessments: enAssessments, setup: enSetup, shell: enShell };

export interface NewAssessment {
  readonly title: string;
  readonly country: string;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly leadName: string;
  readonly leadEmail?: string;
}

export const h1 = async (page: Page) => (await page.locator('h1').textContent())?.trim() ?? '';

/** Waits until the header says everything typed is stored. */
export async function allSaved(page: Page): Promise<void> {
  await eventually(() => page.locator('.app-header .save-indicator').textContent(), enShell.save.saved, 10_000);
}

/** From the assessments list: fills "New assessment" and lands on the new assessment's Setup. */
export async function createAssessment(page: Page, input: NewAssessment): Promise<void> {
  const form = page.getByRole('region', { name: enAssessments.create.heading });
  // Required fields are found by role: their labels end in a visual "*" that is hidden from the
  // accessible name (and from getByLabel's exact text match).
  await form.getByRole('textbox', { name: enAssessments.create.title, exact: true }).fill(input.title);
  await form.getByRole('textbox', { name: enAssessments.create.country, exact: true }).fill(input.country);
  if (input.startDate) await form.getByLabel(enAssessments.create.startDate).fill(input.startDate);
  if (input.endDate) await form.getByLabel(enAssessments.create.endDate).fill(input.endDate);
  await form.getByRole('textbox', { name: enAssessments.create.leadName, exact: true }).fill(input.leadName);
  if (input.leadEmail) await form.getByLabel(enAssessments.create.leadEmail).fill(input.leadEmail);
  await form.getByRole('button', { name: enAssessments.create.submit }).click();
  await page.getByRole('heading', { level: 2, name: enSetup.heading }).waitFor();
  await eventually(() => h1(page), input.title);
}

export async function addAssessor(page: Page, name: string, email: string, role: 'lead' | 'assessor' | 'observer'): Promise<void> {
  const form = page.getByRole('form', { name: enSetup.team.addHeading });
  await form.getByRole('textbox', { name: enSetup.team.name, exact: true }).fill(name);
  await form.getByLabel(enSetup.team.email, { exact: true }).fill(email);
  await form.getByLabel(enSetup.team.role, { exact: true }).selectOption(role);
  await form.getByRole('button', { name: enSetup.team.add }).click();
  await page.getByLabel(enSetup.team.nameOf.replace('{{name}}', name), { exact: true }).waitFor();
}

export async function addInstitution(page: Page, name: string, acronym: string, kind: string): Promise<void> {
  const form = page.getByRole('form', { name: enSetup.institutions.addHeading });
  await form.getByRole('textbox', { name: enSetup.institutions.name, exact: true }).fill(name);
  await form.getByLabel(enSetup.institutions.acronym, { exact: true }).fill(acronym);
  await form.getByLabel(enSetup.institutions.kind, { exact: true }).fill(kind);
  await form.getByRole('button', { name: enSetup.institutions.add }).click();
  await page.getByLabel(enSetup.institutions.acronymOf.replace('{{name}}', name), { exact: true }).waitFor();
}

/** The Table 1 checkbox of one institution and pillar. */
export function pillarCheckbox(page: Page, institution: string, code: string, pillar: string) {
  return page.getByRole('checkbox', {
    name: enSetup.matrix.checkLabel.replace('{{institution}}', institution).replace('{{code}}', code).replace('{{pillar}}', pillar),
    exact: true,
  });
}

/** Goes to one of the open assessment's screens through its navigation. */
export async function openAssessmentScreen(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: enShell.nav.assessmentLabel }).getByRole('link', { name: label, exact: true }).click();
}

export async function scheduleInterview(
  page: Page,
  input: { institution: string; date: string; time?: string; location?: string; interviewers?: readonly string[] },
): Promise<void> {
  const form = page.getByRole('region', { name: enSetup.schedule.addHeading });
  await form.getByRole('combobox', { name: enSetup.schedule.institution, exact: true }).selectOption({ label: input.institution });
  await form.getByLabel(enSetup.schedule.date).fill(input.date);
  if (input.time) await form.getByLabel(enSetup.schedule.time, { exact: true }).fill(input.time);
  if (input.location) await form.getByLabel(enSetup.schedule.location, { exact: true }).fill(input.location);
  for (const person of input.interviewers ?? []) await form.getByRole('checkbox', { name: person, exact: true }).check();
  await form.getByRole('button', { name: enSetup.schedule.add, exact: true }).click();
}

export function expectNoErrors(errors: readonly string[]): void {
  expect(errors).toEqual([]);
}
