// The frukostmöten, check-in, lediga platser and newsletter pages, as the
// kansli and a projektledare use them.

const clean = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

export class MeetingsPage {
  constructor(page) {
    this.page = page;
  }

  static async goTo(page) {
    await page.getByTestId('nav-meetings').click();
    await page.getByTestId('new-meeting').waitFor();
    return new MeetingsPage(page);
  }

  /** Fills and saves the new-meeting form; ends on the meeting's page. */
  async create({ date, theme, municipality, start, place }) {
    await this.page.getByTestId('new-meeting').click();
    const form = this.page.getByTestId('meeting-form');
    await form.locator('#meeting-date').fill(date);
    await form.locator('#meeting-theme').fill(theme);
    if (start) await form.locator('#meeting-start').fill(start);
    if (place) await form.locator('#meeting-place').fill(place);
    if (municipality) await form.locator('#meeting-municipality').selectOption({ label: municipality });
    await form.getByTestId('save').click();
    await this.page.getByTestId('meeting-facts').waitFor();
    return new MeetingPage(this.page);
  }

  /** The guests-per-year chart as its table: [[year, target, guests], …]. */
  async attendanceTable() {
    const chart = this.page.getByTestId('chart-attendance');
    await chart.getByTestId('toggle-table').click();
    const table = this.page.getByTestId('chart-attendance-table');
    await table.waitFor();
    return table.evaluate((t) =>
      [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim())),
    );
  }

  async showView(mode) {
    await this.page.locator('#meetings-view').selectOption(mode);
  }

  async filterMunicipality(label) {
    await this.page.locator('#meetings-municipality').selectOption({ label });
  }

  async listedThemes() {
    return (await this.page.getByTestId('meeting-item').locator('a').allTextContents()).map(clean);
  }
}

export class MeetingPage {
  constructor(page) {
    this.page = page;
  }

  async attended() {
    return clean(await this.page.getByTestId('meeting-attended').textContent());
  }

  async openCheckIn() {
    await this.page.getByTestId('check-in-link').click();
    await this.page.getByTestId('check-in').waitFor();
    return new CheckInPage(this.page);
  }
}

export class CheckInPage {
  constructor(page) {
    this.page = page;
  }

  /** One guest, optionally from an organisation kind ("Kommun", …). */
  async checkIn(org) {
    if (org) await this.page.locator('#check-in-org').selectOption({ label: org });
    await this.page.getByTestId('check-in').click();
  }

  async undo() {
    await this.page.getByTestId('check-in-undo').click();
  }

  async count() {
    return clean(await this.page.getByTestId('check-in-count').textContent());
  }

  /** Waits until the count reads `text` (each press is stored first). */
  async waitForCount(text) {
    await this.page.getByTestId('check-in-count').filter({ hasText: text }).waitFor();
    return this.count();
  }

  async backToMeeting() {
    await this.page.getByTestId('back-to-meeting').click();
    await this.page.getByTestId('meeting-facts').waitFor();
    return new MeetingPage(this.page);
  }
}

export class SlotsPage {
  constructor(page) {
    this.page = page;
  }

  static async goTo(page) {
    await page.getByTestId('nav-slots').click();
    await page.getByTestId('new-slot-report').waitFor();
    return new SlotsPage(page);
  }

  async report({ date, insats, provider, capacity, enrolled }) {
    await this.page.getByTestId('new-slot-report').click();
    const form = this.page.getByTestId('slot-form');
    await form.locator('#slot-date').fill(date);
    await form.locator('#slot-insats').selectOption({ label: insats });
    if (provider) await form.locator('#slot-provider').fill(provider);
    await form.locator('#slot-capacity').fill(String(capacity));
    await form.locator('#slot-enrolled').fill(String(enrolled));
    await form.getByTestId('save').click();
    await form.waitFor({ state: 'detached' });
  }

  /** The board as [[insats, date, places, enrolled, open], …]. */
  async board() {
    const table = this.page.getByTestId('slot-board');
    await table.waitFor();
    return table.evaluate((t) =>
      [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim())),
    );
  }
}

export class NewsletterPage {
  constructor(page) {
    this.page = page;
  }

  static async goTo(page) {
    await page.getByTestId('nav-newsletter').click();
    await page.getByTestId('newsletter-output').waitFor();
    return new NewsletterPage(page);
  }

  async choose({ day, format }) {
    if (day) await this.page.locator('#newsletter-day').fill(day);
    if (format) await this.page.locator('#newsletter-format').selectOption(format);
  }

  async output() {
    return this.page.getByTestId('newsletter-output').inputValue();
  }
}
