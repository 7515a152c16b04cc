import "server-only";

/** Runs async functions one at a time, in call order. */
export type Mutex = { run<T>(fn: () => Promise<T> | T): Promise<T> };

/** A mutex: each `run` waits until every earlier one has settled. */
export function createMutex(): Mutex {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(fn: () => Promise<T> | T): Promise<T> {
      const result = tail.then(fn);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
