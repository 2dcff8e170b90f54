import type { MimeEntity } from './mime-entity.js';

/** How alike two sibling parts are: same type is required; same file name and same content make a better match. */
function likeness(original: MimeEntity, restored: MimeEntity): number {
  if (original.contentType.value !== restored.contentType.value) return 0;
  let score = 4;
  if (original.filename === restored.filename) score += 2;
  if (original.content && restored.content && original.content.equals(restored.content)) score += 1;
  return score;
}

/**
 * Pairs the children of two multiparts in order, maximising total likeness (a weighted longest common
 * subsequence), so that a dropped part leaves a gap instead of shifting every later part onto the wrong partner.
 */
export function alignChildren(
  original: readonly MimeEntity[],
  restored: readonly MimeEntity[],
): Array<[number | undefined, number | undefined]> {
  const rows = original.length + 1;
  const columns = restored.length + 1;
  const best = new Array<number>(rows * columns).fill(0);
  const at = (i: number, j: number) => best[i * columns + j] ?? 0;
  for (let i = original.length - 1; i >= 0; i--) {
    for (let j = restored.length - 1; j >= 0; j--) {
      const score = likeness(original[i]!, restored[j]!);
      best[i * columns + j] = Math.max(at(i + 1, j), at(i, j + 1), score > 0 ? score + at(i + 1, j + 1) : 0);
    }
  }
  const pairs: Array<[number | undefined, number | undefined]> = [];
  let i = 0;
  let j = 0;
  while (i < original.length || j < restored.length) {
    if (i === original.length) pairs.push([undefined, j++]);
    else if (j === restored.length) pairs.push([i++, undefined]);
    else {
      const score = likeness(original[i]!, restored[j]!);
      if (score > 0 && at(i, j) === score + at(i + 1, j + 1)) pairs.push([i++, j++]);
      else if (at(i, j) === at(i + 1, j)) pairs.push([i++, undefined]);
      else pairs.push([undefined, j++]);
    }
  }
  return pairs;
}
