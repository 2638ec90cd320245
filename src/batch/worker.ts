import { parentPort, workerData } from 'node:worker_threads';
import { loadLexicons } from '../io/lexicon-files.js';
import type { WorkerInit } from './pool.js';
import { runTask, type Task } from './task.js';

/** Worker thread entry: lexicons are loaded once per worker; each message is one task. */
const init = workerData as WorkerInit;
const lex = loadLexicons({ extra: init.lexicon });
parentPort!.on('message', (task: Task) => {
  const outcome = runTask(task, lex, { asJsonLine: true });
  parentPort!.postMessage(outcome, outcome.ok && outcome.jsonLine ? [outcome.jsonLine.buffer as ArrayBuffer] : []);
});
