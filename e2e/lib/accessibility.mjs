// Accessibility checks run inside the page: axe-core against WCAG 2.1 A and
// AA, the visible focus of what Tab reaches, sideways scrolling, and motion.
//
// axe-core is injected by the test, never shipped with the app. The app's
// Content-Security-Policy allows only its own hashed scripts, so a <script>
// tag (page.addScriptTag) would be refused; page.evaluate runs the source
// through the DevTools protocol, which the page's CSP does not govern, and
// leaves the CSP of the app under test as it is.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 A and AA rules (axe's tags); the issue asks for all four. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Best-practice rules about landmarks and headings that WCAG does not tag
 * but that "correct landmarks, headings and labels" means.
 */
export const STRUCTURE_RULES = [
  'landmark-one-main',
  'landmark-unique',
  'landmark-no-duplicate-banner',
  'landmark-no-duplicate-contentinfo',
  'landmark-banner-is-top-level',
  'landmark-contentinfo-is-top-level',
  'landmark-main-is-top-level',
  'page-has-heading-one',
  'heading-order',
  'empty-heading',
  'empty-table-header',
  'region',
  'skip-link',
];

/** Runs axe on the whole document; returns its violations, made printable. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(AXE_SOURCE);
  }
  return page.evaluate(
    async ({ tags, rules }) => {
      const wcag = await window.axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      const structure = await window.axe.run(document, {
        runOnly: { type: 'rule', values: rules },
        resultTypes: ['violations'],
      });
      return [...wcag.violations, ...structure.violations].map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      }));
    },
    { tags: WCAG_TAGS, rules: STRUCTURE_RULES },
  );
}

/** One line per violation and node, for an assertion message. */
export function describeViolations(where, violations) {
  return violations
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target}\n      ${(n.summary ?? '').replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
}

/**
 * What has focus now: its tag, text, whether it can be seen (has a box
 * inside the page and is not hidden) and whether it shows a focus ring
 * (an outline of at least 2px, or a box shadow) while matching
 * :focus-visible.
 */
export function focusedElement(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow !== 'none';
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.innerText || el.getAttribute('aria-label') || el.id || '').replace(/\s+/g, ' ').trim().slice(0, 60),
      visible:
        rect.width > 0 &&
        rect.height > 0 &&
        rect.right > 0 &&
        rect.bottom + window.scrollY > 0 &&
        style.visibility !== 'hidden' &&
        !el.closest('[hidden], [inert]'),
      focusVisible: el.matches(':focus-visible'),
      ring: outline || shadow,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
    };
  });
}

/**
 * Whether the page scrolls sideways, and if so the elements that stick out
 * on the right without being inside a box that scrolls by itself (a table
 * or chart container with overflow-x auto or scroll).
 */
export function sidewaysOverflow(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const scrolls = (el) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return true;
      }
      return false;
    };
    const describe = (el) =>
      el.tagName.toLowerCase() +
      (el.id ? `#${el.id}` : '') +
      (el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '') +
      (el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : '');
    // A box that sticks out, or a box whose text (a long word) sticks out of it.
    const outside = [...document.body.querySelectorAll('*')]
      .filter((el) => !scrolls(el) && !el.closest('.skip-link'))
      .map((el) => {
        const right = el.getBoundingClientRect().right;
        const spill = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible';
        const textRight = spill ? el.getBoundingClientRect().left + el.scrollWidth : 0;
        return { el, right: Math.max(right, textRight) };
      })
      .filter(({ right }) => right > width + 1)
      .map(({ el, right }) => `${describe(el)} right=${Math.round(right)}`);
    return { scrollWidth: root.scrollWidth, clientWidth: width, outside: outside.slice(0, 15) };
  });
}

/**
 * Elements (and their ::before/::after) whose transitions or animations
 * last longer than 0 s.
 */
export function movingElements(page) {
  return page.evaluate(() => {
    const seconds = (list) =>
      Math.max(
        0,
        ...list.split(',').map((d) => {
          const v = parseFloat(d);
          return d.trim().endsWith('ms') ? v / 1000 : v;
        }),
      );
    const moving = [];
    for (const el of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const s = getComputedStyle(el, pseudo);
        const t = seconds(s.transitionDuration);
        const a = s.animationName !== 'none' ? seconds(s.animationDuration) : 0;
        if (t > 0 || a > 0) moving.push(`${el.tagName.toLowerCase()}${pseudo ?? ''} transition ${t}s animation ${a}s`);
      }
    }
    return moving;
  });
}

/**
 * Sets WCAG 1.4.12's text spacing on every element (line height 1.5,
 * paragraphs 2 em apart, letters 0.12 em, words 0.16 em), through a
 * constructed style sheet: the app's CSP refuses a <style> tag.
 */
export function applyTextSpacing(page) {
  return page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }' +
        ' p { margin-bottom: 2em !important; }',
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return getComputedStyle(document.body).letterSpacing;
  });
}

/**
 * Elements that cut their own text off: a box that hides overflow (or has a
 * fixed height) while its content is taller or wider than it. Boxes that
 * scroll (tables, lists) and visually hidden texts do not count.
 */
export function clippedText(page) {
  return page.evaluate(() =>
    [...document.body.querySelectorAll('*')]
      .filter((el) => !el.closest('.visually-hidden, .skip-link, svg'))
      .filter((el) => {
        const s = getComputedStyle(el);
        const hides = (o) => o === 'hidden' || o === 'clip';
        const tall = el.scrollHeight > el.clientHeight + 1 && hides(s.overflowY);
        const wide = el.scrollWidth > el.clientWidth + 1 && hides(s.overflowX);
        return (tall || wide) && el.innerText.trim() !== '';
      })
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} "${el.innerText.trim().slice(0, 40)}"`),
  );
}
