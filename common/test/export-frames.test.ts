import { PassThrough } from 'node:stream';
import { encodeFrame, FRAME, FramedExport, readFrames, type ExportFrame } from '@jiuye/common';

/** The framed stream between the situation service and the gateway (hole 5): people before bytes. */

async function* inPieces(bytes: Buffer, sizes: number[]): AsyncGenerator<Buffer> {
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length];
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

async function collect(source: AsyncIterable<Buffer>): Promise<ExportFrame[]> {
  const frames: ExportFrame[] = [];
  for await (const frame of readFrames(source)) frames.push(frame);
  return frames;
}

async function written(framed: FramedExport, response: PassThrough, steps: (framed: FramedExport) => Promise<void>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  await steps(framed);
  await new Promise((resolve) => response.once('end', resolve));
  return Buffer.concat(chunks);
}

describe('export frames', () => {
  it("carry the head, each page's people before its bytes, and the end, however the bytes are cut", async () => {
    const response = new PassThrough();
    const framed = new FramedExport(response);
    const bytes = await written(framed, response, async (f) => {
      f.head({ fields: ['Worker.idNumber', 'export:姓名'] });
      f.people([
        ['w1', null, '530113101001'],
        [null, '5301131010010001', '530113101001'],
      ]);
      await new Promise<void>((resolve) => f.out.write(Buffer.from('序号,姓名\r\n1,张三\r\n'), () => resolve()));
      f.out.end();
      f.finish(1);
    });
    const expected: ExportFrame[] = [
      { type: 'head', head: { fields: ['Worker.idNumber', 'export:姓名'] } },
      {
        type: 'people',
        people: [
          ['w1', null, '530113101001'],
          [null, '5301131010010001', '530113101001'],
        ],
      },
      { type: 'data', bytes: Buffer.from('序号,姓名\r\n1,张三\r\n') },
      { type: 'end', rows: 1 },
    ];
    for (const sizes of [[bytes.length], [1], [3, 7], [5, 1, 64]]) expect(await collect(inPieces(bytes, sizes))).toEqual(expected);
  });

  it('reject a stream that stops inside a frame, an oversized frame and an unknown frame type', async () => {
    const data = encodeFrame(FRAME.DATA, Buffer.from('abcdef'));
    await expect(collect(inPieces(data.subarray(0, data.length - 1), [4]))).rejects.toThrow(/ends inside a frame/);
    const huge = Buffer.from([FRAME.DATA, 0xff, 0xff, 0xff, 0xff]);
    await expect(collect(inPieces(huge, [5]))).rejects.toThrow(/frame of/);
    await expect(collect(inPieces(Buffer.from([0x01, 0, 0, 0, 0]), [5]))).rejects.toThrow(/unknown frame type/);
  });

  it('hold the writer back while the response does not read, and fail its wait when the response closes', async () => {
    const response = new PassThrough({ highWaterMark: 16 });
    const framed = new FramedExport(response);
    let taken = false;
    framed.out.write(Buffer.alloc(1024), () => (taken = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(taken).toBe(false);
    response.resume();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(taken).toBe(true);

    const stalled = new PassThrough({ highWaterMark: 16 });
    const other = new FramedExport(stalled);
    const failed = new Promise<Error | null | undefined>((resolve) => other.out.write(Buffer.alloc(1024), resolve));
    stalled.destroy();
    expect(await failed).toBeInstanceOf(Error);
  });
});
