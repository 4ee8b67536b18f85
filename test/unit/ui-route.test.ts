import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatRoute, parseRoute, type Route } from '../../src/ui/routing/route';

const A = '0190a6e2-7d1c-7cc3-9f3a-3b5c1d2e4f60';

describe('routes', () => {
  it('parses every screen', () => {
    expect(parseRoute('')).toEqual({ screen: 'assessments' });
    expect(parseRoute('#/')).toEqual({ screen: 'assessments' });
    expect(parseRoute('#/settings')).toEqual({ screen: 'settings' });
    expect(parseRoute('#/framework')).toEqual({ screen: 'framework' });
    expect(parseRoute('#/import')).toEqual({ screen: 'import' });
    expect(parseRoute(`#/a/${A}`)).toEqual({ screen: 'dashboard', assessmentId: A });
    expect(parseRoute(`#/a/${A}/setup`)).toEqual({ screen: 'setup', assessmentId: A });
    expect(parseRoute(`#/a/${A}/exchange`)).toEqual({ screen: 'exchange', assessmentId: A });
    expect(parseRoute(`#/a/${A}/interviews`)).toEqual({ screen: 'interviews', assessmentId: A });
    expect(parseRoute(`#/a/${A}/interviews/i1`)).toEqual({ screen: 'interview', assessmentId: A, interviewId: 'i1' });
    expect(parseRoute(`#/a/${A}/rating/data-management.access-to-data`)).toEqual({ screen: 'rating', assessmentId: A, subTopicId: 'data-management.access-to-data' });
    expect(parseRoute(`#/a/${A}/findings`)).toEqual({ screen: 'findings', assessmentId: A, pillarId: undefined });
    expect(parseRoute(`#/a/${A}/interviews/i1?note=n1`)).toEqual({ screen: 'interview', assessmentId: A, interviewId: 'i1', noteId: 'n1' });
    expect(parseRoute(`#/a/${A}/interviews/i1?note=%3Cx%3E`)).toEqual({ screen: 'interview', assessmentId: A, interviewId: 'i1' });
    expect(parseRoute(`#/a/${A}/notes`)).toEqual({ screen: 'notes', assessmentId: A, search: '' });
    expect(parseRoute(`#/a/${A}/notes?q=%D0%BE%D1%82&kind=quote`)).toEqual({ screen: 'notes', assessmentId: A, search: '?q=%D0%BE%D1%82&kind=quote' });
  });

  it('falls back to the assessments list for anything unknown or malformed', () => {
    for (const hash of ['#/nope', '#/a', `#/a/${A}/unknown`, `#/a/${A}/setup/extra`, '#/a/%E0%A4%A', '#/a/<script>/setup', `#/a/${A}/interviews/i1/x`]) {
      expect(parseRoute(hash), hash).toEqual({ screen: 'assessments' });
    }
  });

  it('round-trips (property)', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/);
    const route: fc.Arbitrary<Route> = fc.oneof(
      fc.constant<Route>({ screen: 'assessments' }),
      fc.constant<Route>({ screen: 'settings' }),
      fc.constant<Route>({ screen: 'framework' }),
      fc.constant<Route>({ screen: 'import' }),
      id.map((assessmentId): Route => ({ screen: 'setup', assessmentId })),
      id.map((assessmentId): Route => ({ screen: 'dashboard', assessmentId })),
      id.map((assessmentId): Route => ({ screen: 'exchange', assessmentId })),
      id.map((assessmentId): Route => ({ screen: 'interviews', assessmentId })),
      fc.tuple(id, id).map(([assessmentId, interviewId]): Route => ({ screen: 'interview', assessmentId, interviewId })),
      fc.tuple(id, id, id).map(([assessmentId, interviewId, noteId]): Route => ({ screen: 'interview', assessmentId, interviewId, noteId })),
      fc.tuple(id, fc.constantFrom('', '?q=x', '?q=%D0%B5&kind=quote%2Cnote')).map(([assessmentId, search]): Route => ({ screen: 'notes', assessmentId, search })),
      fc.tuple(id, fc.option(id, { nil: undefined })).map(([assessmentId, subTopicId]): Route => ({ screen: 'rating', assessmentId, subTopicId })),
      fc.tuple(id, fc.option(id, { nil: undefined })).map(([assessmentId, pillarId]): Route => ({ screen: 'findings', assessmentId, pillarId })),
    );
    fc.assert(
      fc.property(route, (r) => {
        expect(parseRoute(formatRoute(r))).toEqual(r);
      }),
    );
  });
});
