import { childFolderPath, displayFolderPath, joinFolderPath, splitFolderPath } from '../../src/catalog/folder-path.js';

test('names holding "/" or "\\" come back whole from the stored path', () => {
  const names = ['Posta in arrivo', 'Amministrazione / Fatture', 'Q1 \\ 2026', 'fine\\', '/'];
  const path = joinFolderPath(names);
  expect(path).toBe('Posta in arrivo/Amministrazione \\/ Fatture/Q1 \\\\ 2026/fine\\\\/\\/');
  expect(splitFolderPath(path)).toEqual(names);
  expect(childFolderPath(joinFolderPath(names.slice(0, 2)), 'Q1 \\ 2026')).toBe(joinFolderPath(names.slice(0, 3)));
  expect(childFolderPath('', 'A/B')).toBe('A\\/B');
});

test('paths without either character read as before: drive paths, channel names, older catalogs', () => {
  expect(splitFolderPath('Documenti/Progetti/2026')).toEqual(['Documenti', 'Progetti', '2026']);
  expect(splitFolderPath('/Documenti//x/')).toEqual(['Documenti', 'x']);
  expect(splitFolderPath('')).toEqual([]);
  expect(splitFolderPath('C:\\dati/x')).toEqual(['C:\\dati', 'x']);
  expect(joinFolderPath(['Documenti', 'Progetti'])).toBe('Documenti/Progetti');
});

test('people read the names unescaped', () => {
  expect(displayFolderPath(joinFolderPath(['Amministrazione / Fatture', 'Q1 \\ 2026']))).toBe(
    'Amministrazione / Fatture/Q1 \\ 2026',
  );
});
