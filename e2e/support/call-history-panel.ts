import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

type Filter = 'All' | 'Missed' | 'Inbound' | 'Outbound';

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += char;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** The Call history region, located only through its documented accessible names. */
export class CallHistoryPanel {
  readonly page: Page;
  readonly region: Locator;
  /** The disclosure button; its name carries the count of missed calls not yet seen (*Call history 2 missed*). */
  readonly toggle: Locator;
  readonly searchBox: Locator;
  readonly exportButton: Locator;
  /** How many calls are listed (*3 calls*, *1 call of 3*, *No calls match.*). */
  readonly summary: Locator;
  readonly list: Locator;
  readonly rows: Locator;
  readonly callBackButtons: Locator;

  constructor(page: Page) {
    this.page = page;
    this.region = page.getByRole('region', { name: 'Call history' });
    this.toggle = this.region.getByRole('button', { name: /^Call history/ });
    this.searchBox = this.region.getByRole('searchbox', { name: 'Search calls' });
    this.exportButton = this.region.getByRole('button', { name: 'Export' });
    // The region's own count, not the status of a Call details disclosure open on a row.
    this.summary = this.region.getByRole('status').filter({ hasNotText: /Loading call details/ }).first();
    this.list = this.region.getByRole('list', { name: 'Calls' });
    // Calls only: the Members and Timeline of a row's open Call details are lists of their own.
    this.rows = this.list.locator(':scope > li');
    this.callBackButtons = this.rows.getByRole('button', { name: 'Call back' });
  }

  filter(name: Filter): Locator {
    return this.region.getByRole('radio', { name, exact: true });
  }

  /** The listed call whose text matches (a number as shown, an outcome). */
  row(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text });
  }

  async open() {
    if ((await this.toggle.getAttribute('aria-expanded')) !== 'true') await this.toggle.click();
    await expect(this.toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(this.summary).not.toHaveText(/Loading/);
  }

  async close() {
    if ((await this.toggle.getAttribute('aria-expanded')) === 'true') await this.toggle.click();
    await expect(this.toggle).toHaveAttribute('aria-expanded', 'false');
  }

  async show(filter: Filter) {
    await this.filter(filter).check();
  }

  async search(text: string) {
    await this.searchBox.fill(text);
  }

  async expectMissedCount(count: number) {
    await expect(this.toggle).toHaveAccessibleName(count === 0 ? 'Call history' : `Call history ${count} missed`);
  }

  /** The outcome sentences of the listed calls, top to bottom. */
  async expectOutcomes(outcomes: string[]) {
    await expect(this.rows).toHaveCount(outcomes.length);
    for (const [index, outcome] of outcomes.entries()) await expect(this.rows.nth(index)).toContainText(outcome);
  }

  async callBack(text: string | RegExp) {
    await this.row(text).getByRole('button', { name: 'Call back' }).click();
  }

  /** Presses Export and reads the file the browser downloads. */
  async exportCsv(): Promise<{ fileName: string; records: string[][] }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton.click()]);
    const path = await download.path();
    const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    return { fileName: download.suggestedFilename(), records: parseCsv(text) };
  }

  async expectNoAccessibilityViolations() {
    const scan = await new AxeBuilder({ page: this.page }).analyze();
    expect(scan.violations).toEqual([]);
  }
}
