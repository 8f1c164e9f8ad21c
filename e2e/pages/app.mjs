// Page objects for Måltavla: what a person does on each page, and what a
// test reads back. Elements are found by data-testid, or by the form
// controls' ids (each <input> has an id its <label> points to).

import { openApp } from '../lib/browser.mjs';

/** The frame around every page: the main menu. */
export class AppShell {
  constructor(page) {
    this.page = page;
  }

  async goTo(section) {
    await this.page.getByTestId(`nav-${section}`).click();
  }
}

/**
 * Sets the förbund's name on the Organisation page (reached through the
 * menu) and waits until the header shows it.
 */
export async function nameOrganisation(page, name) {
  await page.getByTestId('nav-organisation').click();
  const field = page.locator('#organisation-name');
  await field.waitFor();
  await field.fill(name);
  await field.press('Enter');
  await page.locator('header', { hasText: name }).waitFor();
}

/** Måluppfyllelse, the overview board. */
export class BoardPage {
  constructor(page) {
    this.page = page;
    this.shell = new AppShell(page);
  }

  /** Opens the app on an empty profile and waits for the board or the welcome card. */
  static async open(context, baseUrl, path = '/') {
    const { page, errors } = await openApp(context, baseUrl, path);
    await page.locator('[data-testid=welcome], [data-testid=goal-table], [data-testid=no-targets]').first().waitFor();
    return { board: new BoardPage(page), errors };
  }

  welcome() {
    return this.page.getByTestId('welcome');
  }

  async loadDemo() {
    await this.page.getByTestId('load-demo').click();
    await this.page.getByTestId('goal-table').waitFor();
  }

  periodHeading() {
    return this.page.getByTestId('board-period');
  }

  /** The rows of the goal table as plain objects of their cells' text. */
  async rows() {
    const rows = this.page.getByTestId('goal-row');
    await rows.first().waitFor();
    return rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('th, td')].map((c) => c.innerText.replace(/\s+/g, ' ').trim());
        const text = (sel) => tr.querySelector(`[data-testid=${sel}]`)?.textContent.replace(/\s+/g, ' ').trim() ?? null;
        return {
          indicator: cells[0],
          scope: cells[1],
          period: cells[2],
          target: text('target'),
          outcome: text('outcome'),
          gap: text('gap'),
          status: text('status'),
        };
      }),
    );
  }

  async choosePeriod({ kind = 'year', year, part }) {
    await this.page.locator('#board-period-kind').selectOption(kind);
    if (year !== undefined) await this.page.locator('#board-period-year').fill(String(year));
    if (part !== undefined) await this.page.locator('#board-period-part').selectOption(String(part));
  }
}

/** The list of insatser and the form for a new one. */
export class InsatserPage {
  constructor(page) {
    this.page = page;
  }

  async create({ name, kind, municipalities = [], provider, start, end, capacity }) {
    await this.page.getByTestId('new-insats').click();
    const form = this.page.getByTestId('insats-form');
    await form.locator('#insats-name').fill(name);
    if (kind) await form.locator('#insats-kind').selectOption(kind);
    for (const m of municipalities) await form.getByLabel(m, { exact: true }).check();
    if (provider) await form.locator('#insats-provider').fill(provider);
    if (start !== undefined) await form.locator('#insats-start').fill(start);
    if (end !== undefined) await form.locator('#insats-end').fill(end);
    if (capacity !== undefined) await form.locator('#insats-capacity').fill(String(capacity));
    await form.getByTestId('save').click();
    return form;
  }
}

/** One insats's page (or a project's: the figures section is the same). */
export class ScopePage {
  constructor(page) {
    this.page = page;
  }

  title() {
    return this.page.getByTestId('page-title');
  }

  /** Fills and submits the target or outcome form; returns the form. */
  async addFigure(kind, { indicator, year, value, reportedOn }) {
    await this.page.getByTestId(`add-${kind}`).click();
    const form = this.page.getByTestId(`${kind}-form`);
    await form.locator(`#${kind}-indicator`).selectOption({ label: indicator });
    await form.locator(`#${kind}-period-kind`).selectOption('year');
    await form.locator(`#${kind}-period-year`).fill(String(year));
    await this.fillValueAndSave(kind, value, reportedOn);
    return form;
  }

  async fillValueAndSave(kind, value, reportedOn) {
    const form = this.page.getByTestId(`${kind}-form`);
    await form.locator(`#${kind}-value`).fill(String(value));
    if (reportedOn) await form.locator(`#${kind}-reported`).fill(reportedOn);
    await form.getByTestId('save').click();
  }

  cards() {
    return this.page.getByTestId('indicator-card');
  }

  /** The text of a card's first chart, shown as its data table. */
  async cardTable(indicatorName) {
    const card = this.cards().filter({ hasText: indicatorName });
    await card.getByTestId('chart-bullet').getByTestId('toggle-table').click();
    const table = card.getByTestId('chart-bullet-table');
    await table.waitFor();
    return table.evaluate((t) =>
      [...t.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim()),
      ),
    );
  }
}
