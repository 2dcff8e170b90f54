import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { generatedClientPath, generatedClientText } from './generated-client.js';

// Writes tab/src/api/generated.ts from the backend's route schemas (`npm run generate:api-client`).
await writeFile(generatedClientPath, await generatedClientText());
console.log(`wrote ${relative(process.cwd(), generatedClientPath)}`);
