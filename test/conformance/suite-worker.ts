/** A worker process of the conformance suite: runs its share of the examples and sends each outcome back. */
import { allExamples } from './examples.js';
import { runInProcess } from './suite.js';

process.once('message', (m: { ids: string[]; root: string; keep: boolean }) => {
  const examples = allExamples().filter((e) => m.ids.includes(e.id));
  runInProcess(examples, m.root, m.keep, (outcome) => process.send?.({ outcome }))
    .then(() => process.send?.({ done: true }, () => process.exit(0)))
    .catch((error: unknown) => {
      process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1));
    });
});
