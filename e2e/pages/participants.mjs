// The participants page: the flow panel, the entry table and CSV import,
// as a projektledare uses them.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class ParticipantsPage {
  constructor(page) {
    this.page = page;
  }

  static async goTo(page) {
    await page.getByTestId('nav-participants').click();
    await page.getByTestId('participations').waitFor();
    return new ParticipantsPage(page);
  }

  /** The number in "1 131 deltagare" above the table. */
  async count() {
    const text = await this.page.getByTestId('participants-count').textContent();
    return Number(text.replace(/\D/g, ''));
  }

  async chooseInsats(label) {
    await this.page.getByTestId('participants-insats').selectOption({ label });
  }

  async chooseYear(year) {
    await this.page.locator('#flow-year').selectOption(String(year));
  }

  /** The flow panel's measures as { name: value text }. */
  async measures() {
    const rows = this.page.getByTestId('flow-measures').locator('tr');
    await rows.first().waitFor();
    return Object.fromEntries(
      await rows.evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector('th').innerText.trim(), tr.querySelector('td').innerText.replace(/\s+/g, ' ').trim()]),
      ),
    );
  }

  /** The cells of one breakdown table (e.g. 'Municipality') as arrays of text. */
  async breakdown(dimension) {
    return this.page
      .locator(`table.flow-breakdown[data-dimension=${dimension}] tbody tr`)
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.innerText.replace(/\s+/g, ' ').trim())));
  }

  /** Fills the entry row by keyboard: Tab between cells, Enter to save. */
  async enterRow({ gender, age, municipality, referrer, start }) {
    const row = this.page.getByTestId('participation-entry');
    const cell = (key) => row.locator(`[data-column=${key}]`);
    if (gender) await cell('gender').selectOption({ label: gender });
    if (age) await cell('age_band').selectOption({ label: age });
    if (municipality) await cell('municipality').selectOption({ label: municipality });
    if (referrer) await cell('referrer').selectOption({ label: referrer });
    if (start) await cell('start').fill(start);
    await cell('start').press('Enter');
  }

  entryCode() {
    return this.page.getByTestId('participation-entry').locator('[data-column=code]').inputValue();
  }

  /** Picks a CSV file made in the test and waits for the report or
   * refusal. With `onDisk` the file is written to disk first and the
   * browser reads it from there, as from a file dialog (the benches: no
   * copy of the file through Playwright in what they time). */
  async chooseCsv(name, text, { bom = false, onDisk = false } = {}) {
    const buffer = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
    const input = this.page.getByTestId('csv-file');
    let dir = null;
    if (onDisk || buffer.length > 40 * 2 ** 20) {
      // Playwright passes at most 50 MB in memory; a larger file (the
      // million-row benchmark) goes through a file on disk.
      dir = await mkdtemp(join(tmpdir(), 'maltavla-csv-'));
      const path = join(dir, name);
      await writeFile(path, buffer);
      await input.setInputFiles(path);
    } else {
      await input.setInputFiles({ name, mimeType: 'text/csv', buffer });
    }
    await this.page
      .locator('[data-testid=csv-report], [data-testid=csv-refused], [data-testid=csv-mapping-problems]')
      .first()
      .waitFor({ timeout: 300_000 });
    if (dir) await rm(dir, { recursive: true, force: true });
  }

  /** Presses an export button, saves the download into `dir`, returns its text. */
  async download(testid, dir) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(testid).click()]);
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }
}
