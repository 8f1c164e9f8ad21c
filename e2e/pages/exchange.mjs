// Page objects for sharing data between laptops ("Dela data", /dela) and
// for editing one insats, as the exchange and tab tests need them.
// Elements are found by data-testid or by the form controls' ids.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp } from '../lib/browser.mjs';

/** A table's body rows as arrays of their cells' text (whitespace collapsed). */
async function tableRows(table) {
  if ((await table.count()) === 0) return [];
  return table.evaluate((t) =>
    [...t.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.innerText.replace(/\s+/g, ' ').trim()),
    ),
  );
}

/** The "records" of a snapshot file: one line per record, as exported. */
export function recordLines(text) {
  return text
    .split('\n')
    .slice(1) // the header line ends with `"records":[`
    .filter((line) => line.startsWith('{'))
    .map((line) => line.replace(/,$/, ''));
}

/** The Dela data page: export, import with its preview, the conflict log. */
export class ExchangePage {
  constructor(page) {
    this.page = page;
  }

  /** Opens /dela in a new tab of `context`. */
  static async open(context, baseUrl) {
    const { page, errors } = await openApp(context, baseUrl, '/dela');
    await page.getByTestId('export-button').waitFor();
    return { exchange: new ExchangePage(page), errors };
  }

  /** Goes to the page through the main menu. */
  static async goTo(page) {
    await page.getByTestId('nav-exchange').click();
    await page.getByTestId('export-button').waitFor();
    return new ExchangePage(page);
  }

  /**
   * Presses "Spara fil" (optionally choosing a project first), saves the
   * download into `dir` and returns its path, suggested name and text.
   */
  async exportFile(dir, { part, as } = {}) {
    if (part) await this.page.locator('#export-part').selectOption(part);
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('export-button').click(),
    ]);
    const name = download.suggestedFilename();
    const path = join(dir, as ?? name);
    await download.saveAs(path);
    return { path, name, text: await readFile(path, 'utf8') };
  }

  /**
   * Picks a file: a path, or `{ name, text }` for a file made in the test.
   * Waits until the preview or an error is shown.
   */
  async chooseFile(file) {
    const input = this.page.getByTestId('import-file');
    if (typeof file === 'string') {
      await input.setInputFiles(file);
    } else {
      await input.setInputFiles({
        name: file.name ?? 'snapshot.json',
        mimeType: 'application/json',
        buffer: Buffer.from(file.text, 'utf8'),
      });
    }
    await this.page.locator('[data-testid=import-preview], [data-testid=import-error]').first().waitFor();
  }

  preview() {
    return this.page.getByTestId('import-preview');
  }

  error() {
    return this.page.getByTestId('import-error');
  }

  summary() {
    return this.page.getByTestId('import-summary');
  }

  nothing() {
    return this.page.getByTestId('import-nothing');
  }

  confirmButton() {
    return this.page.getByTestId('import-confirm');
  }

  /** The names listed as new, e.g. `insats: Ung i Tyresö`. */
  async added() {
    const heading = this.page.getByTestId('import-added');
    if ((await heading.count()) === 0) return [];
    return heading.evaluate((h) =>
      [...(h.nextElementSibling?.querySelectorAll('li') ?? [])].map((li) => li.textContent.trim()),
    );
  }

  /** Rows of the changed-fields table: [record, field, here now, after]. */
  changed() {
    return tableRows(this.page.getByTestId('import-changed'));
  }

  /** Rows of the preview's conflict table: [record, field, kept, lost]. */
  conflicts() {
    return tableRows(this.page.getByTestId('import-conflicts'));
  }

  /**
   * Presses "Slå samman" and waits until the import is stored (the file
   * input is enabled again); returns the notice's text.
   */
  async confirm() {
    await this.confirmButton().click();
    await this.preview().waitFor({ state: 'detached' });
    await this.page.waitForFunction(
      () => document.querySelector('[data-testid=import-file]')?.disabled === false,
    );
    return (await this.page.getByTestId('notice').innerText()).replace('×', '').trim();
  }

  async cancel() {
    await this.page.getByTestId('import-cancel').click();
    await this.preview().waitFor({ state: 'detached' });
  }

  /** The conflict log's rows: [record, field, kept, lost (with date · device)]. */
  async conflictLog() {
    await this.page.locator('[data-testid=conflict-log], [data-testid=conflicts-empty]').first().waitFor();
    return tableRows(this.page.getByTestId('conflict-log'));
  }

  /** Presses "Återställ" on the log row that mentions `text` and waits until it is gone. */
  async restore(text) {
    const row = this.page.getByTestId('conflict-row').filter({ hasText: text });
    await row.getByTestId('conflict-restore').click();
    await row.waitFor({ state: 'detached' });
  }
}

/** One insats's page: its facts and the edit form. */
export class InsatsFacts {
  constructor(page) {
    this.page = page;
  }

  /** Opens the insats named `name` from the Insatser list. */
  static async openFromList(page, name) {
    await page.getByTestId('nav-insatser').click();
    await page.getByTestId('insats-list').getByRole('link', { name, exact: true }).click();
    await page.getByTestId('insats-facts').waitFor();
    return new InsatsFacts(page);
  }

  title() {
    return this.page.getByTestId('page-title');
  }

  form() {
    return this.page.getByTestId('insats-form');
  }

  /** The facts as { label: value }, e.g. { Utförare: 'Kommunerna' }. */
  async facts() {
    const facts = this.page.getByTestId('insats-facts');
    await facts.waitFor();
    return facts.evaluate((dl) => {
      const out = {};
      for (const dt of dl.querySelectorAll('dt')) {
        out[dt.textContent.trim()] = dt.nextElementSibling?.textContent.replace(/\s+/g, ' ').trim();
      }
      return out;
    });
  }

  /** Title, facts and contacts as one string, for comparing two laptops. */
  async text() {
    await this.title().waitFor();
    return (await this.page.locator('main').innerText()).replace(/\s+/g, ' ').trim();
  }

  /** Opens the edit form and types `fields` ({ provider: '…' } → #insats-provider). */
  async startEdit(fields = {}) {
    await this.page.getByTestId('edit').click();
    await this.form().waitFor();
    await this.fill(fields);
  }

  async fill(fields) {
    for (const [field, value] of Object.entries(fields)) {
      await this.form().locator(`#insats-${field}`).fill(String(value));
    }
  }

  /** Saves the open form and waits until it closes. */
  async save() {
    await this.form().getByTestId('save').click();
    await this.form().waitFor({ state: 'detached' });
  }

  /** Opens the form, types `fields`, saves. */
  async edit(fields) {
    await this.startEdit(fields);
    await this.save();
  }
}
