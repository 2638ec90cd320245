/**
 * Run tasks concurrently but yield their results in input order, with at most `capacity` tasks
 * in flight. The window gives both determinism (results are re-ordered) and back-pressure: a new
 * task starts only when the consumer has taken the oldest result, so memory stays bounded
 * whatever the number of inputs. While waiting for the next input (a slow stdin), a finished
 * head result is yielded at once, so a streaming consumer is never held back.
 */
export async function* orderedMap<T, R>(source: Iterable<T> | AsyncIterable<T>, run: (item: T) => Promise<R>, capacity: number): AsyncGenerator<R> {
  const it = Symbol.asyncIterator in source ? (source as AsyncIterable<T>)[Symbol.asyncIterator]() : toAsync((source as Iterable<T>)[Symbol.iterator]());
  const window: { promise: Promise<R>; settled: boolean }[] = [];
  let next: Promise<IteratorResult<T>> | null = null;
  let done = false;
  const start = (item: T): void => {
    const entry = { promise: run(item), settled: false };
    entry.promise.then(
      () => (entry.settled = true),
      () => (entry.settled = true),
    );
    window.push(entry);
  };
  while (true) {
    while (!done && window.length < Math.max(1, capacity)) {
      next ??= it.next();
      if (window.length > 0 && !window[0].settled) {
        const head = window[0].promise.then(
          () => 'head' as const,
          () => 'head' as const,
        );
        if ((await Promise.race([next.then(() => 'next' as const), head])) === 'head') break;
      } else if (window.length > 0) break;
      const n = await next;
      next = null;
      if (n.done) done = true;
      else start(n.value);
    }
    const head = window.shift();
    if (!head) return;
    yield await head.promise;
  }
}

function toAsync<T>(it: Iterator<T>): AsyncIterator<T> {
  return { next: async () => it.next() };
}
