/** A "nice" upper bound for a value axis (1, 2 or 5 times a power of ten), so tick labels read as round numbers. */
export function niceMaximum(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * power >= value) ?? 10;
  return step * power;
}

/** Maps a value in [0, max] onto [from, to] (SVG y grows downwards, so callers pass from > to for values). */
export const scale = (value: number, max: number, from: number, to: number): number =>
  max === 0 ? from : from + ((to - from) * value) / max;

/** At most `count` evenly spread indexes of a list of `length`, always the first and the last. */
export function spreadIndexes(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, index) => index);
  const step = (length - 1) / (count - 1);
  return Array.from({ length: count }, (_, index) => Math.round(index * step));
}

/** The same for bytes, in the 1024-based units the labels use (so the top reads "2 GB", not "1.9 GB"). */
export function byteAxisMaximum(bytes: number): number {
  if (bytes <= 0) return 1;
  const unit = 1024 ** Math.floor(Math.log(bytes) / Math.log(1024));
  return niceMaximum(bytes / unit) * unit;
}
