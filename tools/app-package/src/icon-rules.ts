import { decodePng, readPngHeader } from './png.js';

/** The sizes Teams requires of the package's two icons. */
export const iconSizes = { color: 192, outline: 32 } as const;

/** What is wrong with a package icon, per Teams' rules: exact size; the outline white on transparent. */
export function iconProblems(kind: keyof typeof iconSizes, png: Buffer): string[] {
  const size = iconSizes[kind];
  const { width, height } = readPngHeader(png);
  if (width !== size || height !== size) return [`${kind} icon is ${width}×${height}, must be ${size}×${size}`];
  if (kind === 'color') return [];
  const { pixels } = decodePng(png);
  let transparent = 0;
  let notWhite = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3] === 0) transparent++;
    else if (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255) notWhite++;
  }
  const problems: string[] = [];
  if (transparent === 0) problems.push('outline icon has no transparent background');
  if (notWhite > 0) problems.push(`outline icon has ${notWhite} visible pixels that are not white`);
  return problems;
}
