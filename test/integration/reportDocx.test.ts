/**
 * Issue 11: the DOCX opens in a reader nobody here wrote (mammoth) and holds the same Table 3 as
 * the report, row by row; and never quotes a confidential note.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import reference from '../fixtures/armenia-2022.json';
import { renderReportDocx } from '../../src/report/renderDocx';
import { armeniaExampleReport } from '../support/armeniaExampleReport';

describe('the report as DOCX', () => {
  it('reads back in mammoth with Table 3 and Table 4 as tables, a tick in the experts’ column', async () => {
    const { document, records } = armeniaExampleReport();
    const bytes = await renderReportDocx(document);
    expect(bytes.byteLength).toBeGreaterThan(10_000);
    const { value: html, messages } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    const tables = [...html.matchAll(/<table>(.*?)<\/table>/gs)].map((m) => m[1]!);
    const table3 = tables.find((t) => t.includes('1. Strategic planning') && t.includes('10. International cooperation') && !t.includes('Digitalisation strategy'))!;
    expect(table3).toBeDefined();
    const rows = [...table3.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => [...m[1]!.matchAll(/<t[dh]>(.*?)<\/t[dh]>/gs)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()));
    expect(rows[0]).toEqual(['Pillar', 'Emerging', 'Developing', 'Established', 'Advanced']);
    const levelColumn = { emerging: 1, developing: 2, established: 3, advanced: 4 } as const;
    reference.pillarLevels.forEach((expected, n) => {
      const row = rows[n + 1]!;
      const ticked = row.findIndex((cell) => cell.startsWith('✓'));
      expect(ticked, row[0]).toBe(levelColumn[expected.level as keyof typeof levelColumn]);
    });
    expect(html).toContain('Table 4. Digital maturity by sub-topic: Migration management');
    const secret = records.observations.find((o) => o.confidential === true)!;
    expect(html).not.toContain(secret.text.slice(0, 30));
    expect(html).toContain('Confidential notes left out of this report (never quoted): 1.');
  });
});
