import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { startDevDb } from '../src/index.js';

test('data written to devdb is still there after the server stops and starts again', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'devdb-persist-'));
  const first = await startDevDb({ dataDir });
  const writer = await MongoClient.connect(first.uri);
  await writer
    .db('custodia')
    .collection('notes')
    .insertOne({ _id: 'n1' as never, text: 'Ripristino completato' });
  await writer.close();
  await first.stop();

  const second = await startDevDb({ dataDir });
  const reader = await MongoClient.connect(second.uri);
  try {
    const note = await reader
      .db('custodia')
      .collection('notes')
      .findOne({ _id: 'n1' as never });
    expect(note?.text).toBe('Ripristino completato');
  } finally {
    await reader.close();
    await second.stop();
  }
});
