/**
 * The field day's core journeys (fieldDayJourneys.ts) in webkit, and what differs in Safari's
 * engine: audio is recorded as MP4/AAC (WebKit records no WebM/Opus), stored as such, and plays.
 */
import { expect, it } from 'vitest';
import enInterview from '../../../locales/en/interview.json';
import { allSaved, defineFieldDayJourneys, journeyContext, until } from './fieldDayJourneys';

const ready = journeyContext('webkit');
const leftOff = defineFieldDayJourneys('webkit', ready);

/**
 * A step that must answer within `ms`: a WebDriver command that never returns (seen once under
 * heavy load) then fails the test naming the step, instead of running into the test's timeout.
 */
async function step<T>(what: string, action: () => Promise<T>, ms = 30_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`webkit: "${what}" did not finish in ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([action(), late]);
  } finally {
    clearTimeout(timer);
  }
}

it('records audio in the format WebKit offers (MP4/AAC, mock microphone), stores that type, and plays it', async () => {
  const { driver } = ready();
  const { interviewUrl } = leftOff();
  if (!interviewUrl) throw new Error('the first journey did not reach the interview');
  await step('open the interview', async () => {
    await driver.goto(interviewUrl);
    await driver.waitFor({ css: '.note-composer textarea' }, 20_000);
  });
  await step('consent to notes and audio', async () => {
    // The details fold away once the interview has notes.
    if ((await driver.count('.interview-details-body')) === 0) await driver.click({ css: '.interview-details-bar button[aria-expanded="false"]' });
    await driver.click({ role: 'checkbox', name: enInterview.consent.given });
    await driver.select({ role: 'combobox', name: enInterview.consent.scopeLabel }, enInterview.consent.scope.notesAndAudio);
    await allSaved(driver);
  });
  await step('start recording (Alt+R)', async () => {
    await driver.click({ css: '.note-composer textarea' });
    await driver.type('Recorded answer, in Safari’s engine.');
    await driver.press('Alt+R');
    await driver.waitFor({ css: '.recording-clock' }, 15_000).catch(async (error: unknown) => {
      throw new Error(`no recording started; the screen says: ${await driver.text({ css: 'body' }).then((text) => text.slice(0, 600))}`, { cause: error });
    });
  });
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  await step('stop recording and save the note', async () => {
    await driver.press('Alt+R');
    await driver.waitFor({ css: '.note-composer .attachment' }, 15_000);
    await driver.click({ css: '.note-composer textarea' });
    await driver.press('Enter');
  });
  // The note list holds the earlier notes too (one with a photo): find the row with the recording.
  const names = () =>
    driver.evaluate(() => [...document.querySelectorAll('.note-list .note-row:not(.is-pending) .attachment-name, .note-list .note-row:not(.is-pending) .attachment-meta a')].map((node) => node.textContent ?? ''), null);
  await until(async () => (await names()).some((name) => /^recording-.*\.m4a$/.test(name)), true, 15_000, 'an .m4a recording in the notes').catch(async (error: unknown) => {
    throw new Error(`${String(error)}; attachments in the notes: ${JSON.stringify(await names())}`, { cause: error });
  });
  // Stored as audio/mp4, which this engine plays: a player, not the "cannot play" notice.
  const row = '.note-list .note-row:not(.is-pending):has(audio)';
  await step('a player for the recording', () => driver.waitFor({ css: `${row} audio` }, 15_000));
  expect(await driver.count('.note-list .attachment-unplayable')).toBe(0);
  const duration = await step('the recording loads', () =>
    driver.evaluate(
      (selector: string) =>
        new Promise<number>((resolve, reject) => {
          const audio = document.querySelector<HTMLAudioElement>(selector);
          if (!audio) return reject(new Error(`no ${selector}`));
          if (audio.readyState >= 1) return resolve(audio.duration);
          audio.addEventListener('loadedmetadata', () => resolve(audio.duration), { once: true });
          audio.addEventListener('error', () => reject(new Error(`the recording does not load: ${audio.error?.message ?? audio.error?.code}`)), { once: true });
          audio.load();
          setTimeout(() => reject(new Error(`no metadata after 15 s (readyState ${audio.readyState}, networkState ${audio.networkState})`)), 15_000);
        }),
      `${row} audio`,
    ),
  );
  // Some audio, of whatever length: WebKit's mock microphone starts delivering a while after the
  // recorder starts (about 1 s of a 2 s press on a loaded machine), so no length is promised.
  expect(duration > 0.5 || duration === Infinity, `duration ${duration}`).toBe(true);
});
