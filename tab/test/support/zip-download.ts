import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/** A ZIP's bytes begin with a local file header; its entry names are stored as written, so ASCII words show. */
export function expectZipNaming(bytes: Buffer, text: string): void {
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  expect(bytes.toString('latin1')).toContain(text);
}

/** Presses the button that downloads a selection as a ZIP, checks the file's name, and returns its bytes. */
export async function downloadZip(page: Page, buttonName: string): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^custodia-export-\d{4}-\d{2}-\d{2}\.zip$/);
  return readFile(await download.path());
}
