import { Worker } from 'node:worker_threads';
import type { Outcome, Task } from './task.js';

/**
 * A fixed set of worker threads running `runTask`. Each worker loads and compiles the lexicons
 * once, at start, then serves tasks in the order it receives them. Every worker holds a few
 * tasks ahead (PREFETCH) in its message queue, so it goes straight on to the next article
 * instead of waiting for the main thread to be scheduled and answer (on a busy machine that
 * round trip left workers idle a sixth of the time). The caller bounds the total in flight.
 */
export interface WorkerInit {
  lexicon: string[];
}

interface Pending {
  task: Task;
  resolve: (o: Outcome) => void;
  reject: (e: Error) => void;
}

const PREFETCH = 4;

export class WorkerPool {
  /** Tasks sent to each worker and not answered yet, oldest first (a worker answers in order). */
  private readonly sent = new Map<Worker, Pending[]>();
  private readonly queue: Pending[] = [];
  private failure: Error | null = null;
  private closing = false;

  // '../batch/': this module also runs from the CLI bundle in dist/cli/ (scripts/bundle-cli.mjs)
  constructor(size: number, init: WorkerInit, workerUrl: URL = new URL('../batch/worker.js', import.meta.url)) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerUrl, { workerData: init });
      this.sent.set(worker, []);
      worker.on('message', (outcome: Outcome) => {
        this.sent.get(worker)?.shift()?.resolve(outcome);
        this.dispatch();
      });
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
    }
  }

  run(task: Task): Promise<Outcome> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true; // terminate() makes workers exit with code 1: not a crash
    await Promise.all([...this.sent.keys()].map((w) => w.terminate()));
  }

  /** Hand queued tasks to the least loaded workers, up to PREFETCH each. */
  private dispatch(): void {
    while (this.queue.length) {
      let target: Worker | undefined;
      let load = PREFETCH;
      for (const [worker, pending] of this.sent) {
        if (pending.length < load) {
          target = worker;
          load = pending.length;
        }
      }
      if (!target) return;
      const next = this.queue.shift()!;
      this.sent.get(target)!.push(next);
      target.postMessage(next.task);
    }
  }

  /** A crashed worker is a bug, not a bad input: fail the whole run with its error. */
  private fail(err: Error): void {
    this.failure ??= err;
    for (const pending of this.sent.values()) for (const p of pending.splice(0)) p.reject(err);
    for (const p of this.queue.splice(0)) p.reject(err);
  }
}
