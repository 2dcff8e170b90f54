/**
 * The one place where a name chosen by someone else (an event's subject, a contact's name, a folder, a file, a
 * user's display name) becomes a path segment: a ZIP entry, an export folder, a restore folder, a file on disk.
 * Subjects arrive from anyone who can send a meeting invitation, so nothing in them may climb out of a folder,
 * name a device, break an archive tool or collide with a neighbour; everything else (accents, other scripts) stays.
 */

/** Separators, characters Windows refuses in a name, control characters (NUL included) and bidi overrides. */
const forbidden = /[\\/:*?"<>|\p{Cc}\u202A-\u202E\u2066-\u2069]+/gu;
/** Device names Windows opens instead of a file, whatever the extension (`CON.txt` is the console too). */
const windowsDevice = /^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$/i;
/**
 * Room left in the 255 bytes most file systems allow per name for a counter (` (12345)`) and an extension
 * (`.html`), so the name stays below the limit after both are added.
 */
export const maxNameBytes = 200;

/**
 * `name` made safe as one path segment, or `fallback` when nothing of it is left: separators and forbidden
 * characters become `_`, leading spaces and trailing dots and spaces go (Windows drops them, so `..`, `. . .`
 * and `x.` are not what they seem), device names get a `_` in front, and the result is cut at `maxBytes` of
 * UTF-8 without splitting a character.
 */
export function safeName(name: string, fallback: string, maxBytes = maxNameBytes): string {
  let cleaned = truncateUtf8(name.normalize('NFC').replace(forbidden, '_'), maxBytes)
    .replace(/^\s+/u, '')
    .replace(/[\s.]+$/u, '');
  if (windowsDevice.test(cleaned.split('.')[0]!.trim())) cleaned = `_${cleaned}`;
  if (cleaned === '' || /^[_\s.]*$/u.test(cleaned)) return fallback === name ? '_' : safeName(fallback, '_', maxBytes);
  return cleaned;
}

/** A file name: `base` made safe (cut so the extension still fits) followed by `.extension`. */
export function safeFileName(base: string, extension: string, fallback: string): string {
  const suffix = safeName(extension, 'bin', 16);
  return `${safeName(base, fallback, maxNameBytes - Buffer.byteLength(suffix) - 1)}.${suffix}`;
}

function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  // Code points, not UTF-16 units: a cut never leaves half a surrogate pair.
  for (const character of text) {
    const size = Buffer.byteLength(character);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += character.length;
  }
  return text.slice(0, end);
}

/**
 * Paths handed out once each, compared as case-insensitive file systems (Windows, macOS) compare them: a second
 * `Riunione però.ics` in the same folder becomes `Riunione però (2).ics`, never a silent overwrite on unzip.
 */
export class UniquePaths {
  private readonly used = new Set<string>();

  claim(path: string): string {
    const slash = path.lastIndexOf('/');
    const dot = path.lastIndexOf('.');
    const [stem, extension] = dot > slash + 1 ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
    let candidate = path;
    for (let counter = 2; this.used.has(key(candidate)); counter++) candidate = `${stem} (${counter})${extension}`;
    this.used.add(key(candidate));
    return candidate;
  }
}

const key = (path: string): string => path.normalize('NFC').toLowerCase();
