/**
 * Text as search compares it: the same letters match whatever their case or how they were typed.
 *
 * - NFC first, so "ё" typed as е + combining diaeresis (some Android keyboards, pasted PDFs) is one
 *   letter like the precomposed one.
 * - Lower case by the Unicode default mapping, which covers Cyrillic and Armenian (Ա → ա) and needs
 *   no locale (Chromium ships no Armenian locale data; `toLocaleLowerCase` would differ by browser).
 * - Russian: ё → е. Most Russian text is written without the dots, so «Отчёт» and «отчет» are one word.
 * - Armenian: the ligature «և» and the classical spelling «եւ» → «եվ», the reformed spelling; the
 *   ligature has no capital of its own (capitalised it is «Եվ»), so a search typed either way finds both.
 */
export function foldSearchText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/և|եւ/g, 'եվ');
}

/** The words of a query, folded: every one must occur in a note for it to match. */
export function searchTerms(query: string): string[] {
  return foldSearchText(query)
    .split(/\s+/u)
    .filter((term) => term !== '');
}
