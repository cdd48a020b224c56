import { finished } from 'node:stream';

/**
 * The stream an export is written to, watched from the first byte: when it errors or closes
 * before finishing (the HTTP client went away), every wait of the writer fails at once instead
 * of waiting for a 'drain' that will never come.
 */
export class Destination {
  private failure: Error | undefined;
  private readonly settled: Promise<void>;
  private readonly stopWatching: () => void;

  constructor(readonly out: NodeJS.WritableStream) {
    let resolve!: () => void;
    let reject!: (error: Error) => void;
    this.settled = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.settled.catch(() => undefined); // observed through throwIfFailed / race; never unhandled
    // readable: false — for a Duplex (PassThrough) only the side we write to matters.
    this.stopWatching = finished(out, { readable: false }, (error) => {
      if (error) {
        this.failure = error;
        reject(error);
      } else {
        resolve();
      }
    });
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  /** Writes a chunk; when the stream asks for a pause, waits for 'drain'. */
  async write(chunk: string | Buffer): Promise<void> {
    this.throwIfFailed();
    if (!this.out.write(chunk)) await this.until(this.out, 'drain');
  }

  /** Resolves on `event` of `emitter`, rejects as soon as the destination fails. */
  async until(emitter: NodeJS.EventEmitter, event: string): Promise<void> {
    this.throwIfFailed();
    let listener!: () => void;
    const fired = new Promise<void>((resolve) => {
      listener = resolve;
      emitter.once(event, listener);
    });
    try {
      await Promise.race([fired, this.failing()]);
    } finally {
      emitter.removeListener(event, listener);
    }
  }

  /** Resolves after `ms`, rejects as soon as the destination fails. */
  async pause(ms: number): Promise<void> {
    this.throwIfFailed();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), this.failing()]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends the stream (unless someone else does, as exceljs does) and waits until it finished. */
  async end(alreadyEnding = false): Promise<void> {
    this.throwIfFailed();
    if (!alreadyEnding) this.out.end();
    await this.settled;
  }

  dispose(): void {
    this.stopWatching();
  }

  /** A promise that only ever rejects, with the destination's failure. */
  private failing(): Promise<never> {
    return this.settled.then(
      () => new Promise<never>(() => undefined), // finished: nothing to race against any more
      (error: unknown) => Promise.reject(error),
    );
  }
}
