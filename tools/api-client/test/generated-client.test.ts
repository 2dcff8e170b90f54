import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { generatedClientPath, generatedClientText } from '../src/generated-client.js';

function firstDifference(actual: string, expected: string): string {
  const actualLines = actual.split('\n');
  const expectedLines = expected.split('\n');
  const line = expectedLines.findIndex((text, index) => actualLines[index] !== text);
  const at = line === -1 ? expectedLines.length : line;
  return `line ${at + 1}: on disk ${JSON.stringify(actualLines[at])}, generated ${JSON.stringify(expectedLines[at])}`;
}

describe('the tab’s generated API client', () => {
  it('is what the backend’s route schemas generate today', async () => {
    const onDisk = await readFile(generatedClientPath, 'utf8').catch(() => '');
    const generated = await generatedClientText();
    if (onDisk !== generated) {
      throw new Error(
        `${relative(process.cwd(), generatedClientPath)} is out of date with the backend’s OpenAPI document ` +
          `(${firstDifference(onDisk, generated)}). Run \`npm run generate:api-client\` and commit the result.`,
      );
    }
  });
});
