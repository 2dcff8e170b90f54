import yazl from 'yazl';
import type { ProtectedResource } from '../../src/catalog/index.js';
import { safeFileName, safeName, UniquePaths } from '../../src/restore-model/safe-name.js';
import { restoreFolderName, targetLocation } from '../../src/restore-model/target-location.js';

/** What every cleaned name must be: one harmless segment that Windows, macOS, Linux and yazl all accept. */
function expectHarmless(segment: string): void {
  expect(segment).not.toMatch(/^\.*$|[\\/:*?"<>|\p{Cc}]|^\s|[\s.]$/u);
  expect(segment.split('.')[0]!.trim()).not.toMatch(/^(CON|PRN|AUX|NUL|COM\d|LPT\d)$/i);
  expect(Buffer.byteLength(segment)).toBeLessThanOrEqual(255);
  // No half of a surrogate pair left by a cut.
  expect(segment).not.toMatch(/\p{Cs}/u);
  // yazl checks each entry's name as it is added and throws on an absolute path or a `..` segment.
  expect(() => new yazl.ZipFile().addBuffer(Buffer.alloc(0), `Giulia Rossi/${segment}/${segment}`)).not.toThrow();
}

const hostile: Array<[string, string]> = [
  ['../../../../tmp/x', '.._.._.._.._tmp_x'],
  ['..', 'event'],
  ['.', 'event'],
  ['/abs', '_abs'],
  ['C:\\x', 'C_x'],
  ['nul\u0000byte', 'nul_byte'],
  ['bell\u0007esc\u001b\ttab\r\nline', 'bell_esc_tab_line'],
  ['CON', '_CON'],
  ['nul', '_nul'],
  ['Com1.txt', '_Com1.txt'],
  ['LPT9 .log', '_LPT9 .log'],
  ['. . .', 'event'],
  ['   ', 'event'],
  ['', 'event'],
  ['trailing dot.', 'trailing dot'],
  ['  leading spaces', 'leading spaces'],
  ['Riunione però', 'Riunione però'],
  ['Amministrazione / Fatture', 'Amministrazione _ Fatture'],
  ['Fattura\u202Etxt.exe', 'Fattura_txt.exe'],
];

test.each(hostile)('%j becomes %j', (name, expected) => {
  const cleaned = safeName(name, 'event');
  expect(cleaned).toBe(expected);
  expectHarmless(cleaned);
});

test('Italian accents survive, whichever Unicode form they arrive in', () => {
  expect(safeName('Riunione pero\u0300', 'event')).toBe('Riunione però');
  expect(safeFileName('Città di Forlì', 'ics', 'event')).toBe('Città di Forlì.ics');
});

test('long names are cut below the file system limit without splitting a character, and keep their extension', () => {
  const ascii = safeFileName('x'.repeat(300), 'ics', 'event');
  expect(ascii.endsWith('.ics')).toBe(true);
  expectHarmless(ascii);
  const accented = safeFileName('è'.repeat(300), 'eml', 'message');
  expect(accented).toMatch(/^è+\.eml$/u);
  expectHarmless(accented);
  const emoji = safeName('📅'.repeat(100), 'event', 51);
  expect(emoji).toBe('📅'.repeat(12));
  expectHarmless(emoji);
});

test('a name cut to end in dots or spaces loses them, as Windows would', () => {
  expect(safeName(`${'a'.repeat(9)} . x`, 'event', 12)).toBe('a'.repeat(9));
});

test('a hostile fallback is cleaned too, and a hostile extension cannot smuggle a separator', () => {
  expect(safeName('..', '../x')).toBe('.._x');
  expect(safeFileName('report', '/../exe', 'file')).toBe('report._.._exe');
});

test('two items with the same cleaned name never collide, whatever the case, and a counter goes before the extension', () => {
  const paths = new UniquePaths();
  const claimed = [
    paths.claim('Giulia/Calendar/Riunione però.ics'),
    paths.claim('Giulia/Calendar/Riunione però.ics'),
    paths.claim('Giulia/Calendar/RIUNIONE PERÒ.ics'),
    paths.claim(`Giulia/Calendar/${safeFileName('..', 'ics', 'event')}`),
    paths.claim(`Giulia/Calendar/${safeFileName('. . .', 'ics', 'event')}`),
    paths.claim('Giulia/v1.2/notes'),
    paths.claim('Giulia/v1.2/notes'),
  ];
  expect(claimed).toEqual([
    'Giulia/Calendar/Riunione però.ics',
    'Giulia/Calendar/Riunione però (2).ics',
    'Giulia/Calendar/RIUNIONE PERÒ (3).ics',
    'Giulia/Calendar/event.ics',
    'Giulia/Calendar/event (2).ics',
    'Giulia/v1.2/notes',
    'Giulia/v1.2/notes (2)',
  ]);
});

test("a restore into another user's OneDrive names its folder after a hostile display name as one harmless folder", () => {
  const source: ProtectedResource = {
    tenantId: 't',
    resourceId: 'onedrive:u1',
    kind: 'onedrive',
    graphId: 'u1',
    driveId: 'd1',
    displayName: '../Rossi / Mario: CON',
    firstSeenAt: new Date(0),
  };
  const folderName = restoreFolderName('it', new Date(Date.UTC(2026, 4, 1, 14, 30)));
  const location = targetLocation(source, 'Documenti', { type: 'otherUser', userId: 'u2' }, folderName);
  expect(location.folderPath).toEqual(['Ripristino 2026-05-01 14.30 - .._Rossi _ Mario_ CON', 'Documenti']);
  expectHarmless(location.folderPath[0]!);
});
