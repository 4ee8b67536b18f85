/**
 * Checks of how text is laid out, run in the page.
 */
import type { Page } from 'playwright-core';

/**
 * Armenian words that the layout cut across two lines (issue 9: "Armenian words must not break
 * mid-word in lists"). Each run of Armenian letters inside `root` is measured with a Range: a word
 * on one line has one box, a word cut at a line end has two. Returns "word (in <element>)" for each.
 * Hyphens and slashes are not letters, so a break there (or at a <wbr>) is allowed.
 */
export function brokenArmenianWords(page: Page, root = 'main'): Promise<string[]> {
  return page.evaluate((selector) => {
    const broken: string[] = [];
    const scope = document.querySelector(selector);
    if (!scope) return broken;
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!parent || parent.closest('[hidden], .visually-hidden, option, textarea')) continue;
      for (const match of text.matchAll(/[\u0531-\u0556\u0561-\u0587]{2,}/gu)) {
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const boxes = [...range.getClientRects()].filter((box) => box.width > 0);
        if (boxes.length === 0) continue;
        const lines = new Set(boxes.map((box) => Math.round(box.top)));
        if (lines.size > 1) broken.push(`${match[0]} (in .${[...parent.classList].join('.') || parent.tagName.toLowerCase()})`);
      }
    }
    return broken;
  }, root);
}
