import { Writable } from 'node:stream';

/**
 * The internal download between the situation service and the gateway: a file's bytes in
 * frames, each page's people announced before the bytes of that page's rows. The gateway cannot
 * tell which people a chunk of CSV or compressed xlsx holds; this way it enters a page's people
 * in the access log before it passes on any byte written after they were announced.
 *
 * A frame is one type byte, a 4-byte big-endian payload length and the payload:
 * - HEAD   once, first: JSON {@link ExportHead} (what every row of the file carries);
 * - PEOPLE before each page's rows: JSON [[workerId|null, householdCode|null, villageCode], …];
 * - DATA   bytes of the file, in order;
 * - END    last, only when the file is complete: JSON {rows}. A stream that stops without it
 *          broke off, and the file must not be handed over as whole.
 */
export const EXPORT_FRAMING_HEADER = 'x-export-framing';
export const EXPORT_FRAMING = 'people-before-bytes/1';

export const FRAME = { HEAD: 0x48, PEOPLE: 0x50, DATA: 0x44, END: 0x45 } as const;
type FrameType = (typeof FRAME)[keyof typeof FRAME];

/** No frame the situation service writes comes near this; anything larger is a broken stream. */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;

export interface ExportHead {
  /** What the access log records as read for every person of the file (the exported columns). */
  fields: string[];
}

/** Who one exported row is about: a worker (pseudonym) or a household, and where they live. */
export type ExportedPerson = [workerId: string | null, householdCode: string | null, villageCode: string];

export function encodeFrame(type: FrameType, payload: Buffer | string | object): Buffer {
  const body = Buffer.isBuffer(payload) ? payload : Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload), 'utf8');
  const header = Buffer.allocUnsafe(5);
  header[0] = type;
  header.writeUInt32BE(body.length, 1);
  return Buffer.concat([header, body]);
}

export type ExportFrame = { type: 'head'; head: ExportHead } | { type: 'people'; people: ExportedPerson[] } | { type: 'data'; bytes: Buffer } | { type: 'end'; rows: number };

function decode(type: number, payload: Buffer): ExportFrame {
  switch (type) {
    case FRAME.DATA:
      return { type: 'data', bytes: payload };
    case FRAME.PEOPLE: {
      const people = JSON.parse(payload.toString('utf8')) as unknown;
      if (!Array.isArray(people) || !people.every((p) => Array.isArray(p) && p.length === 3 && typeof p[2] === 'string'))
        throw new Error('export stream: a malformed people frame');
      return { type: 'people', people: people as ExportedPerson[] };
    }
    case FRAME.HEAD: {
      const head = JSON.parse(payload.toString('utf8')) as ExportHead;
      if (!Array.isArray(head?.fields)) throw new Error('export stream: a malformed head frame');
      return { type: 'head', head };
    }
    case FRAME.END:
      return { type: 'end', rows: Number((JSON.parse(payload.toString('utf8')) as { rows: unknown }).rows) };
    default:
      throw new Error(`export stream: unknown frame type ${type}`);
  }
}

/**
 * Reads frames from a byte stream, one at a time, pulling more bytes only when the consumer asks
 * for the next frame (so a consumer that waits — for the access log, for a slow client — holds
 * the producer back). Rejects on a malformed frame and on bytes left over after the last frame.
 */
export async function* readFrames(source: AsyncIterable<Buffer | Uint8Array>): AsyncGenerator<ExportFrame> {
  let pending: Buffer[] = [];
  let buffered = 0;
  const take = (n: number): Buffer => {
    const all = pending.length === 1 ? pending[0] : Buffer.concat(pending, buffered);
    pending = all.length > n ? [all.subarray(n)] : [];
    buffered = all.length - n;
    return all.subarray(0, n);
  };
  let header: { type: number; length: number } | null = null;
  for await (const chunk of source) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (bytes.length === 0) continue;
    pending.push(bytes);
    buffered += bytes.length;
    for (;;) {
      if (!header) {
        if (buffered < 5) break;
        const head = take(5);
        header = { type: head[0], length: head.readUInt32BE(1) };
        if (header.length > MAX_FRAME_BYTES) throw new Error(`export stream: a frame of ${header.length} bytes`);
      }
      if (buffered < header.length) break;
      const frame = decode(header.type, take(header.length));
      header = null;
      yield frame;
    }
  }
  if (header || buffered > 0) throw new Error('export stream: it ends inside a frame');
}

/**
 * The writer side, around an HTTP response: `out` is what the CSV/xlsx writer writes the file
 * into (each chunk goes out as a DATA frame, with the response's backpressure); people() puts a
 * page's PEOPLE frame into the response at once. Bytes the writer still holds were made from
 * earlier pages only, so announcing a page before its rows are handed to the writer is enough
 * for every DATA frame to follow the PEOPLE frames of the rows it contains.
 */
export class FramedExport {
  readonly out: Writable;

  constructor(private readonly response: NodeJS.WritableStream & { destroyed?: boolean; once(event: string, listener: () => void): unknown }) {
    this.out = new Writable({
      write: (chunk: Buffer, _encoding, callback) => this.send(encodeFrame(FRAME.DATA, chunk), callback),
      // The writer's end is not the file's end: finish() writes END once the writer has reported success.
      final: (callback) => callback(),
    });
    // Failures reach the writer through its own watch on `out` (Destination); never unhandled here.
    this.out.on('error', () => undefined);
    // The client (the gateway) went away: the writer's next wait fails instead of hanging.
    response.once('close', () => {
      if (!this.out.writableFinished) this.out.destroy(new Error('the download was closed before it finished'));
    });
  }

  head(head: ExportHead): void {
    this.response.write(encodeFrame(FRAME.HEAD, head));
  }

  people(people: ExportedPerson[]): void {
    if (people.length > 0) this.response.write(encodeFrame(FRAME.PEOPLE, people));
  }

  /** The file is complete: END, then the response ends. */
  finish(rows: number): void {
    this.response.end(encodeFrame(FRAME.END, { rows }));
  }

  private send(frame: Buffer, callback: (error?: Error | null) => void): void {
    if (this.response.write(frame)) return callback();
    const onDrain = () => {
      this.response.removeListener('close', onClose);
      callback();
    };
    const onClose = () => {
      this.response.removeListener('drain', onDrain);
      callback(new Error('the download was closed before it finished'));
    };
    this.response.once('drain', onDrain);
    this.response.once('close', onClose);
  }
}
