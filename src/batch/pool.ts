import { Worker } from 'node:worker_threads';
import type { Outcome, Task } from './task.js';

/**
 * A fixed set of worker threads running `runTask`. Each worker loads and compiles the lexicons
 * once, at start, then serves tasks one at a time; tasks wait in a queue for a free worker (the
 * caller bounds how many are queued, see orderedMap).
 */
export interface WorkerInit {
  lexicon: string[];
}

interface Pending {
  task: Task;
  resolve: (o: Outcome) => void;
  reject: (e: Error) => void;
}

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private readonly workers: Worker[] = [];
  private failure: Error | null = null;
  private closing = false;

  constructor(size: number, init: WorkerInit, workerUrl: URL = new URL('./worker.js', import.meta.url)) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerUrl, { workerData: init });
      worker.on('message', (outcome: Outcome) => this.settle(worker, (p) => p.resolve(outcome)));
      worker.on('error', (err) => this.fail(worker, err));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(worker, new Error(`a worker thread stopped (exit code ${code})`));
      });
      this.workers.push(worker);
      this.idle.push(worker);
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
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      this.busy.set(worker, pending);
      worker.postMessage(pending.task);
    }
  }

  private settle(worker: Worker, finish: (p: Pending) => void): void {
    const pending = this.busy.get(worker);
    this.busy.delete(worker);
    this.idle.push(worker);
    if (pending) finish(pending);
    this.dispatch();
  }

  /** A crashed worker is a bug, not a bad input: fail the whole run with its error. */
  private fail(worker: Worker, err: Error): void {
    this.failure ??= err;
    const pending = this.busy.get(worker);
    this.busy.delete(worker);
    pending?.reject(err);
    for (const p of this.queue.splice(0)) p.reject(err);
  }
}
