// Runs bench/backup/warm-up.ts's pass: reads everything once with the plain client, then exits (1 on any failure).
import { PlainGraph } from '../../backend/test/backup-scale/plain-graph.ts';
import { fetchEverything } from './ceiling.ts';
import type { WarmUpRequest } from './warm-up.ts';

process.once('message', (message) => {
  const { target, inventory, options } = message as WarmUpRequest;
  void PlainGraph.connect(target)
    .then((plain) => fetchEverything(plain, inventory, options))
    .then(
      () => process.disconnect(),
      (error: unknown) => {
        console.error('warm-up failed:', error);
        process.exit(1);
      },
    );
});
