// When the board's first chart is there, read in the page itself.
//
// Playwright's waitForSelector polls at 0, 20, 50, 100 and 100 ms and then
// every 500 ms, so `performance.now()` read after it returns says when the
// poll came, not when the chart did: a start-up of 450 ms can read as
// 770 ms. Instead an observer installed before navigation marks the moment
// the chart's <svg> enters the DOM (`bench:first-chart`) and the end of the
// next frame (`bench:first-chart-drawn`: requestAnimationFrame runs before
// style and layout, a message posted from it after the frame is drawn).
// Both are milliseconds since the navigation started.

/** Installs the observer for `selector` in every document `page` loads from now on. */
export function watchFirstChart(page, selector) {
  return page.addInitScript((sel) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(sel)) return;
      observer.disconnect();
      performance.mark('bench:first-chart');
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => performance.mark('bench:first-chart-drawn');
        ch.port2.postMessage(null);
      });
    });
    observer.observe(document, { childList: true, subtree: true });
  }, selector);
}

/**
 * Waits for the marks of the current document; returns `{ dom, drawn }` in
 * milliseconds since its navigation started.
 */
export async function firstChart(page, timeout = 600_000) {
  await page.waitForFunction(() => performance.getEntriesByName('bench:first-chart-drawn').length > 0, null, {
    timeout,
  });
  return page.evaluate(() => ({
    dom: performance.getEntriesByName('bench:first-chart')[0].startTime,
    drawn: performance.getEntriesByName('bench:first-chart-drawn')[0].startTime,
  }));
}
