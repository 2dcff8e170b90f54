import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { drawColourIcon, drawOutlineIcon, drawRibbonIcon } from './icons.js';
import { encodePng } from './png.js';

/** The Outlook ribbon button's sizes; the manifest names them as `/tab/icons/custodia-<size>.png`. */
export const ribbonIconSizes = [16, 32, 80] as const;

/** Every icon file the product ships, by path relative to the repository root, freshly drawn. */
export function drawnIcons(): Map<string, Buffer> {
  const icons = new Map<string, Buffer>([
    ['appPackage/color.png', encodePng(drawColourIcon())],
    ['appPackage/outline.png', encodePng(drawOutlineIcon())],
  ]);
  for (const size of ribbonIconSizes) {
    icons.set(`tab/public/icons/custodia-${size}.png`, encodePng(drawRibbonIcon(size)));
  }
  return icons;
}

/** Redraws the icons into the repository (they are committed; drawing is deterministic). */
export async function writeIcons(root: string): Promise<string[]> {
  const written: string[] = [];
  for (const [path, png] of drawnIcons()) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), png);
    written.push(path);
  }
  return written;
}
