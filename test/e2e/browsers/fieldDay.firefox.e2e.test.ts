/**
 * The field day's core journeys (fieldDayJourneys.ts) in Firefox ESR, and the "unsupported browser"
 * page in a Firefox whose service workers are off (as in its private windows): said at once, in words.
 */
import { expect, it } from 'vitest';
import enShell from '../../../locales/en/shell.json';
import { launchFirefoxDriver } from '../drivers/firefoxDriver';
import { defineFieldDayJourneys, journeyContext } from './fieldDayJourneys';

const ready = journeyContext('firefox');
defineFieldDayJourneys('firefox', ready);

it('says plainly that it cannot serve a Firefox without service workers, before anything can be typed', async () => {
  const { server } = ready();
  const driver = await launchFirefoxDriver({ prefs: { 'dom.serviceWorkers.enabled': false } });
  try {
    await driver.goto(server.url);
    expect(await driver.text({ css: 'h1' })).toBe(enShell.unsupported.heading);
    expect(await driver.text({ css: '[data-reason="no-service-worker"]' })).toBe(enShell.unsupported.reason['no-service-worker']);
    expect(await driver.count('textarea, input')).toBe(0);
  } finally {
    await driver.close();
  }
});
