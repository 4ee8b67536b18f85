/**
 * Small rules of the interview screen: structural sharing of records (what keeps 2,000 memoised
 * rows from re-rendering), consent, stored media types, which sources become links, note order.
 */
import { describe, expect, it } from 'vitest';
import { attachmentDisplay, attachmentMediaType } from '../../src/ui/screens/interview/attachmentMediaType';
import { compareNotes } from '../../src/ui/screens/interview/compareNotes';
import { audioAllowed, consentWarning, consentWhenToggled, consentWithScope } from '../../src/ui/screens/interview/consentRules';
import { formatIsoDate } from '../../src/ui/screens/interview/formatIsoDate';
import { choiceOfTracks, tracksOfChoice } from '../../src/ui/screens/interview/noteOptions';
import { sourceHref } from '../../src/ui/screens/interview/sourceLink';
import { createGroupStabilizer, createListStabilizer, createValueStabilizer, sameValue } from '../../src/ui/shared/structuralSharing';

describe('structural sharing', () => {
  it('compares JSON-like values and maps deeply', () => {
    expect(sameValue({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue(new Map([['a', 1]]), new Map([['a', 1]]))).toBe(true);
    expect(sameValue(new Map([['a', 1]]), new Map([['a', 2]]))).toBe(false);
    expect(sameValue(new Map(), {})).toBe(false);
    expect(sameValue([], {})).toBe(false);
  });

  it('keeps each unchanged record’s object and the whole array when nothing changed', () => {
    const stabilize = createListStabilizer<{ id: string; text: string }>();
    const first = stabilize([
      { id: 'a', text: 'one' },
      { id: 'b', text: 'two' },
    ]);
    const same = stabilize([
      { id: 'a', text: 'one' },
      { id: 'b', text: 'two' },
    ]);
    expect(same).toBe(first);
    const edited = stabilize([
      { id: 'a', text: 'one' },
      { id: 'b', text: 'two!' },
      { id: 'c', text: 'three' },
    ]);
    expect(edited).not.toBe(first);
    expect(edited[0]).toBe(first[0]);
    expect(edited[1]).not.toBe(first[1]);
    expect(edited[1]?.text).toBe('two!');
  });

  it('gives a new array when records move', () => {
    const stabilize = createListStabilizer<{ id: string }>();
    const first = stabilize([{ id: 'a' }, { id: 'b' }]);
    const moved = stabilize([{ id: 'b' }, { id: 'a' }]);
    expect(moved).not.toBe(first);
    expect(moved[0]).toBe(first[1]);
  });

  it('keeps groups whose members did not change', () => {
    const stabilize = createGroupStabilizer<{ id: string; n: number }>();
    const first = stabilize(new Map([['x', [{ id: '1', n: 1 }]], ['y', [{ id: '2', n: 2 }]]]));
    const second = stabilize(new Map([['x', [{ id: '1', n: 1 }]], ['y', [{ id: '2', n: 3 }]]]));
    expect(second.get('x')).toBe(first.get('x'));
    expect(second.get('y')).not.toBe(first.get('y'));
    // Nothing changed: the very same map, so readers of it do not re-render.
    const third = stabilize(new Map([['x', [{ id: '1', n: 1 }]], ['y', [{ id: '2', n: 3 }]]]));
    expect(third).toBe(second);
    expect(stabilize(new Map([['x', [{ id: '1', n: 1 }]]]))).not.toBe(third);
  });

  it('keeps a derived value while it is equal', () => {
    const stabilize = createValueStabilizer<ReadonlyMap<string, number>>();
    const first = stabilize(new Map([['a', 1]]));
    expect(stabilize(new Map([['a', 1]]))).toBe(first);
    expect(stabilize(new Map([['a', 2]]))).not.toBe(first);
  });
});

describe('consent', () => {
  const now = '2024-05-01T09:30:00.000Z';

  it('allows audio only with consent to notes and audio', () => {
    expect(audioAllowed({ given: true, scope: 'notes-and-audio' })).toBe(true);
    expect(audioAllowed({ given: true, scope: 'notes' })).toBe(false);
    expect(audioAllowed({ given: false, scope: 'notes-and-audio' })).toBe(false);
  });

  it('records the time when ticked, starting from notes only; unticking withdraws everything', () => {
    expect(consentWhenToggled({ given: false, scope: 'none' }, true, now)).toEqual({ given: true, scope: 'notes', recordedAt: now });
    expect(consentWhenToggled({ given: false, scope: 'notes-and-audio' }, true, now)).toEqual({ given: true, scope: 'notes-and-audio', recordedAt: now });
    expect(consentWhenToggled({ given: true, scope: 'notes', recordedAt: now }, false, now)).toEqual({ given: false, scope: 'none' });
  });

  it('choosing a scope gives consent (keeping its first time); "nothing" withdraws it', () => {
    const earlier = '2024-05-01T09:00:00.000Z';
    expect(consentWithScope({ given: true, scope: 'notes', recordedAt: earlier }, 'notes-and-audio', now)).toEqual({ given: true, scope: 'notes-and-audio', recordedAt: earlier });
    expect(consentWithScope({ given: false, scope: 'none' }, 'notes', now)).toEqual({ given: true, scope: 'notes', recordedAt: now });
    expect(consentWithScope({ given: true, scope: 'notes', recordedAt: earlier }, 'none', now)).toEqual({ given: false, scope: 'none' });
  });

  it('warns about combinations that merges can produce', () => {
    expect(consentWarning({ given: true, scope: 'none' })).toBe('given-without-scope');
    expect(consentWarning({ given: false, scope: 'notes' })).toBe('scope-without-consent');
    expect(consentWarning({ given: true, scope: 'notes' })).toBeNull();
    expect(consentWarning({ given: false, scope: 'none' })).toBeNull();
  });
});

describe('attachments', () => {
  it('stores the browser’s type without parameters, or guesses from the extension', () => {
    expect(attachmentMediaType('audio/webm;codecs=opus', 'recording.webm')).toBe('audio/webm');
    expect(attachmentMediaType('IMAGE/JPEG', 'x')).toBe('image/jpeg');
    expect(attachmentMediaType('', 'Strategy 2030.PDF')).toBe('application/pdf');
    expect(attachmentMediaType('', 'notes')).toBe('application/octet-stream');
    expect(attachmentMediaType('not a type', 'photo.heic')).toBe('image/heic');
  });

  it('previews images the browser shows and audio; other files are chips', () => {
    expect(attachmentDisplay('image/png')).toBe('image');
    expect(attachmentDisplay('image/heic')).toBe('file');
    expect(attachmentDisplay('audio/webm')).toBe('audio');
    expect(attachmentDisplay('application/pdf')).toBe('file');
  });
});

describe('sources', () => {
  it('links only well-formed http(s) URLs', () => {
    expect(sourceHref('https://www.arlis.am/decree-1093')).toBe('https://www.arlis.am/decree-1093');
    expect(sourceHref('  http://example.org/a?b=c  ')).toBe('http://example.org/a?b=c');
    expect(sourceHref('javascript:alert(1)')).toBeUndefined();
    expect(sourceHref('data:text/html,<b>x</b>')).toBeUndefined();
    expect(sourceHref('Law HO-49-N, art. 12')).toBeUndefined();
    expect(sourceHref('https://example.org/a b')).toBeUndefined();
  });
});

describe('order, dates and tracks', () => {
  it('orders notes by time taken, then by id', () => {
    const notes = [
      { id: 'b', createdAt: '2024-05-01T10:00:00.000Z' },
      { id: 'a', createdAt: '2024-05-01T10:00:00.000Z' },
      { id: 'c', createdAt: '2024-05-01T09:00:00.000Z' },
    ];
    expect([...notes].sort(compareNotes).map((note) => note.id)).toEqual(['c', 'a', 'b']);
  });

  it('formats a calendar date as that local day', () => {
    const seen: Date[] = [];
    formatIsoDate('2022-10-10', (date) => {
      seen.push(date);
      return '';
    });
    expect([seen[0]?.getFullYear(), seen[0]?.getMonth(), seen[0]?.getDate()]).toEqual([2022, 9, 10]);
    expect(formatIsoDate('not a date', () => 'x')).toBe('not a date');
  });

  it('turns a track choice into track ids and back', () => {
    const tracks = ['central', 'migration'];
    expect(tracksOfChoice('all', tracks)).toEqual(['central', 'migration']);
    expect(tracksOfChoice('migration', tracks)).toEqual(['migration']);
    expect(tracksOfChoice('gone', tracks)).toEqual(['central', 'migration']);
    expect(choiceOfTracks(['migration'], tracks)).toBe('migration');
    expect(choiceOfTracks(['central', 'migration'], tracks)).toBe('all');
    expect(choiceOfTracks([], tracks)).toBe('all');
  });
});
