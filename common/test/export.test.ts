import { mkdtemp, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { GraphQLError } from 'graphql';
import { Client } from 'pg';
import {
  contentDisposition,
  ensureDatabaseExists,
  EXPORT_FORMATS,
  parseExportFormat,
  writeCsv,
  writeExport,
  writeXlsx,
  xlsxSheetName,
  type ExportColumn,
  type ExportFormat,
  type ExportSheet,
} from '@jiuye/common';
import { freshDatabaseUrl } from '@jiuye/testing/harness';

interface Worker {
  name: string;
  idNumber: string;
  wage: number | string | null;
  startedOn: Date | string | null;
  note?: string | null;
}

const WORKER_COLUMNS: ExportColumn<Worker>[] = [
  { header: '姓名', value: (w) => w.name },
  { header: '身份证号', value: (w) => w.idNumber, kind: 'text', width: 22 },
  { header: '月工资（元）', value: (w) => w.wage, kind: 'number' },
  { header: '就业日期', value: (w) => w.startedOn, kind: 'date' },
  { header: '备注', value: (w) => w.note },
];

// Synthetic people: the ID numbers only have the right shape.
const WORKERS: Worker[] = [
  { name: '张三', idNumber: '530113199003071234', wage: 3500.5, startedOn: '2026-01-02', note: '在昆明务工' },
  { name: '李, "四"', idNumber: '53011319850101002X', wage: '2800.00', startedOn: new Date(Date.UTC(2025, 11, 31)), note: '=HYPERLINK("http://x","点")' },
  { name: '王五', idNumber: '530113200001010011', wage: -12, startedOn: null, note: '+86 138\n换行' },
  { name: '@赵六', idNumber: '530113197512120022', wage: null, startedOn: '2024-02-29', note: '-1+1' },
];

async function* batches<T>(rows: T[], size: number): AsyncIterable<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

function sheetOf(rows: Worker[], batchSize = 3): ExportSheet<Worker> {
  return {
    title: '零就业家庭名单',
    preamble: ['导出时间 2026-01-05 10:00', '数据截至 2026-01-04'],
    columns: WORKER_COLUMNS,
    rows: batches(rows, batchSize),
  };
}

/** Collects what a writer puts into a stream. */
function collector(): { out: Writable; bytes(): Buffer } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { out, bytes: () => Buffer.concat(chunks) };
}

/** A destination that throws every byte away, behind a PassThrough as an HTTP response would be. */
function discarding(): { out: PassThrough; bytes(): number } {
  let bytes = 0;
  const out = new PassThrough();
  out.pipe(
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        callback();
      },
    }),
  );
  return { out, bytes: () => bytes };
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('CSV export', () => {
  it('writes a BOM, the preamble, Chinese headers, CRLF lines, RFC 4180 quoting and YYYY-MM-DD dates', async () => {
    const { out, bytes } = collector();
    const result = await writeCsv(sheetOf(WORKERS), out);
    expect(result).toEqual({ rows: 4 });
    const buffer = bytes();
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buffer.subarray(3).toString('utf8')).toBe(
      [
        '导出时间 2026-01-05 10:00',
        '数据截至 2026-01-04',
        '姓名,身份证号,月工资（元）,就业日期,备注',
        '张三,530113199003071234,3500.5,2026-01-02,在昆明务工',
        '"李, ""四""",53011319850101002X,2800,2025-12-31,"\'=HYPERLINK(""http://x"",""点"")"',
        '王五,530113200001010011,-12,,"\'+86 138\n换行"',
        "'@赵六,530113197512120022,,2024-02-29,'-1+1",
        '',
      ].join('\r\n'),
    );
    expect(out.writableFinished).toBe(true);
  });

  it('neutralises every formula start in text, but leaves numbers alone', async () => {
    const cells = ['=1+1', '+1', '-1', '@SUM(A1)', '\tcmd', '\rcmd', 'a=1', ' =1'];
    const { out, bytes } = collector();
    await writeCsv(
      {
        title: 't',
        columns: [
          { header: 'text', value: (v: string | number) => (typeof v === 'string' ? v : null) },
          { header: 'number', value: (v: string | number) => (typeof v === 'number' ? v : null) },
        ],
        rows: [[...cells, -5, 0]],
      },
      out,
    );
    const lines = bytes().toString('utf8').slice(1).split('\r\n');
    expect(lines.slice(1, -1)).toEqual([
      "'=1+1,",
      "'+1,",
      "'-1,",
      "'@SUM(A1),",
      "'\tcmd,",
      '"\'\rcmd",', // the CR also forces quotes
      'a=1,',
      ' =1,',
      ',-5',
      ',0',
    ]);
  });

  it('reads a Date in a date column as the calendar day in China', async () => {
    const { out, bytes } = collector();
    await writeCsv(
      {
        title: 't',
        columns: [{ header: '日期', value: (d: Date) => d, kind: 'date' }],
        // UTC midnight, midnight in Beijing (16:00 UTC the day before), and 23:30 UTC = 07:30 next day in Beijing
        rows: [[new Date('2026-03-01T00:00:00Z'), new Date('2026-02-28T16:00:00Z'), new Date('2026-03-01T23:30:00Z')]],
      },
      out,
    );
    expect(bytes().toString('utf8').slice(1).split('\r\n').slice(1, -1)).toEqual(['2026-03-01', '2026-03-01', '2026-03-02']);
  });

  it('rejects a value that does not fit its column, naming the column and row but not the value', async () => {
    const { out } = collector();
    const bad = { ...WORKERS[0], wage: '530113199003071234元' };
    const error: Error = await writeCsv(sheetOf([WORKERS[0], bad]), out).then(
      () => {
        throw new Error('expected a rejection');
      },
      (e: Error) => e,
    );
    expect(error.message).toBe('export column "月工资（元）" (data row 2): expected a finite number or a numeric string');
    expect(error.message).not.toContain('530113');
    await expect(writeCsv(sheetOf([{ ...WORKERS[0], startedOn: '2026-02-30' }]), collector().out)).rejects.toThrow(
      'export column "就业日期" (data row 1): expected a Date or a YYYY-MM-DD string',
    );
  });
});

describe('xlsx export', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'jiuye-export-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('writes a workbook that reads back cell by cell: preamble, bold frozen header, widths, types', async () => {
    const file = path.join(directory, 'workers.xlsx');
    const sheet = { ...sheetOf(WORKERS), title: '零就业家庭名单[东川区]: 2026/01?*很长很长很长很长很长很长很长很长很长' };
    const result = await writeXlsx(sheet, createWriteStream(file));
    expect(result).toEqual({ rows: 4 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets).toHaveLength(1);
    const worksheet = workbook.worksheets[0];
    expect(worksheet.name).toBe('零就业家庭名单 东川区 2026 01 很长很长很长很长很长很');
    expect(worksheet.name.length).toBeLessThanOrEqual(31);
    expect(worksheet.rowCount).toBe(7);

    expect(worksheet.getCell('A1').value).toBe('导出时间 2026-01-05 10:00');
    expect(worksheet.getCell('A2').value).toBe('数据截至 2026-01-04');
    expect(worksheet.getCell('B1').value).toBeNull();

    const header = worksheet.getRow(3);
    expect([1, 2, 3, 4, 5].map((c) => header.getCell(c).value)).toEqual(['姓名', '身份证号', '月工资（元）', '就业日期', '备注']);
    expect([1, 2, 3, 4, 5].every((c) => header.getCell(c).font?.bold === true)).toBe(true);
    expect(worksheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(worksheet.autoFilter).toBe('A3:E3');
    // given 22; 姓名 = 4 wide + 2 → the minimum 10; 月工资（元） = 12 + 2; dates at least 12
    expect(worksheet.columns.map((c) => c.width)).toEqual([10, 22, 14, 12, 10]);

    const cells = (row: number) => [1, 2, 3, 4, 5].map((c) => worksheet.getRow(row).getCell(c));
    const [name, idNumber, wage, startedOn, note] = cells(4);
    expect(name.value).toBe('张三');
    expect(idNumber.type).toBe(ExcelJS.ValueType.String); // every digit kept, never 5.30113E+17
    expect(idNumber.value).toBe('530113199003071234');
    expect(wage.type).toBe(ExcelJS.ValueType.Number);
    expect(wage.value).toBe(3500.5);
    expect(startedOn.type).toBe(ExcelJS.ValueType.Date);
    expect(startedOn.value).toEqual(new Date('2026-01-02T00:00:00Z'));
    expect(startedOn.numFmt).toBe('yyyy-mm-dd');
    expect(note.value).toBe('在昆明务工');

    const second = cells(5);
    expect(second.map((c) => c.value)).toEqual([
      '李, "四"',
      '53011319850101002X',
      2800, // numeric string from PostgreSQL numeric → a number
      new Date('2025-12-31T00:00:00Z'),
      '=HYPERLINK("http://x","点")',
    ]);
    // A text cell that looks like a formula stays text: xlsx has separate formula cells, so no apostrophe.
    expect(second[4].type).toBe(ExcelJS.ValueType.String);
    expect(cells(6).map((c) => c.value)).toEqual(['王五', '530113200001010011', -12, null, '+86 138\n换行']);
    expect(cells(6)[3].type).toBe(ExcelJS.ValueType.Null);
    expect(cells(7).map((c) => c.value)).toEqual(['@赵六', '530113197512120022', null, new Date('2024-02-29T00:00:00Z'), '-1+1']);
  });

  it('types cells by their value when a column declares no kind, and writes an empty sheet', async () => {
    const file = path.join(directory, 'inferred.xlsx');
    await writeXlsx(
      {
        title: '',
        columns: [
          { header: '数量', value: (r: { n: number; d: Date; s: string }) => r.n },
          { header: '日期', value: (r) => r.d },
          { header: '文字', value: (r) => r.s },
        ],
        rows: [[{ n: 7, d: new Date('2026-05-01T00:00:00Z'), s: '0012' }]],
      },
      createWriteStream(file),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const worksheet = workbook.worksheets[0];
    expect(worksheet.name).toBe('Sheet1');
    expect(worksheet.getCell('A2').value).toBe(7);
    expect(worksheet.getCell('B2').value).toEqual(new Date('2026-05-01T00:00:00Z'));
    expect(worksheet.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect(worksheet.getCell('C2').value).toBe('0012');

    const empty = path.join(directory, 'empty.xlsx');
    expect(await writeXlsx({ title: '空', columns: WORKER_COLUMNS, rows: [] }, createWriteStream(empty))).toEqual({ rows: 0 });
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.readFile(empty);
    expect(reread.worksheets[0].getRow(1).getCell(1).value).toBe('姓名');
  });

  it("cuts sheet names to Excel's rules", () => {
    expect(xlsxSheetName('一库六册')).toBe('一库六册');
    expect(xlsxSheetName("'[a]:b*c?d/e\\f'")).toBe('a b c d e f');
    expect(xlsxSheetName('History')).toBe('Sheet1');
    expect(xlsxSheetName('  ')).toBe('Sheet1');
    expect(Array.from(xlsxSheetName('农'.repeat(40)))).toHaveLength(31);
  });
});

describe.each(['csv', 'xlsx'] as ExportFormat[])('%s export, streamed', (format) => {
  it('stops pulling rows while the destination does not read, and finishes once it does', async () => {
    const total = 100_000;
    let pulled = 0;
    async function* rows(): AsyncIterable<{ i: number }[]> {
      for (let start = 0; start < total; start += 1_000) {
        pulled += 1_000;
        yield Array.from({ length: 1_000 }, (_, k) => ({ i: start + k }));
      }
    }
    const out = new PassThrough(); // nobody reads it yet: a client that does not read
    const writing = writeExport(
      format,
      {
        title: '背压',
        columns: [
          { header: '序号', value: (r: { i: number }) => r.i },
          { header: '姓名', value: (r) => `名字${r.i}` },
        ],
        rows: rows(),
      },
      out,
    );
    // Wait until the writer stops pulling (exceljs fills its buffers at ~30,000 rows/s).
    let stalledAt = -1;
    for (let i = 0; i < 40 && pulled !== stalledAt; i++) {
      stalledAt = pulled;
      await tick(250);
    }
    await tick(500);
    expect(pulled).toBe(stalledAt); // waiting for 'drain', not pulling
    // what the buffers between the writer and `out` hold: ~1 MB of XML + ~100 KB compressed (27,000 of these tiny rows measured), or ~130 KB of CSV (6,000)
    expect(stalledAt).toBeLessThan(format === 'csv' ? 10_000 : 40_000);

    let bytes = 0;
    out.on('data', (chunk: Buffer) => (bytes += chunk.length));
    await expect(writing).resolves.toEqual({ rows: total });
    expect(pulled).toBe(total);
    expect(bytes).toBeGreaterThan(0);
  });

  it("rejects with the row source's error and leaves the destination open for the caller", async () => {
    const failure = new Error('数据库连接中断');
    async function* rows(): AsyncIterable<Worker[]> {
      yield WORKERS;
      yield WORKERS;
      throw failure;
    }
    const { out } = discarding();
    await expect(writeExport(format, { ...sheetOf(WORKERS), rows: rows() }, out)).rejects.toBe(failure);
    await tick(50);
    expect(out.writableEnded).toBe(false); // a truncated file must not look complete
    expect(out.destroyed).toBe(false);
    out.destroy(); // what the HTTP route does
  });

  it('rejects instead of hanging when the destination goes away mid-export', async () => {
    async function* rows(): AsyncIterable<{ i: number }[]> {
      for (let start = 0; ; start += 1_000) yield Array.from({ length: 1_000 }, (_, k) => ({ i: start + k }));
    }
    const out = new PassThrough();
    const writing = writeExport(format, { title: '断开', columns: [{ header: '序号', value: (r: { i: number }) => r.i }], rows: rows() }, out);
    await tick(200);
    out.destroy(); // the client disconnected
    await expect(writing).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });

  it('keeps memory flat over 200,000 rows generated lazily', async () => {
    // Retained heap + array buffers (after a forced GC) over the run, measured on Node 20: 0.6 MB
    // for CSV, 1.5 MB for xlsx; with the xlsx backpressure switched off, 71 MB (exceljs holding
    // the sheet's XML). 16 MB tells "streams" from "buffers the sheet" with room for GC timing;
    // the 150 MB first suggested would not have caught that failure at 200,000 rows.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const retained = () => {
      gc();
      const { heapUsed, arrayBuffers } = process.memoryUsage();
      return heapUsed + arrayBuffers;
    };
    const total = 200_000;
    const columns: ExportColumn<number>[] = [
      { header: '序号', value: (i) => i },
      { header: '姓名', value: (i) => `张${i % 1000}某` },
      { header: '身份证号', value: (i) => `5301131990${String(i).padStart(8, '0')}`, kind: 'text' },
      { header: '出生日期', value: () => '1990-03-07', kind: 'date' },
      { header: '就业日期', value: (i) => new Date(Date.UTC(2025, i % 12, 1 + (i % 28))), kind: 'date' },
      { header: '月工资', value: (i) => 2000 + (i % 5000), kind: 'number' },
      { header: '所属村', value: (i) => `东川区某某镇第${i % 300}村` },
    ];
    let peakGrowth = 0;
    let baseline = 0;
    async function* rows(): AsyncIterable<number[]> {
      baseline = retained();
      for (let start = 0; start < total; start += 5_000) {
        if (start % 25_000 === 0) peakGrowth = Math.max(peakGrowth, retained() - baseline);
        yield Array.from({ length: 5_000 }, (_, k) => start + k);
      }
      peakGrowth = Math.max(peakGrowth, retained() - baseline);
    }
    const { out, bytes } = discarding();
    await expect(writeExport(format, { title: '大名单', columns, rows: rows() }, out)).resolves.toEqual({ rows: total });
    expect(bytes()).toBeGreaterThan(format === 'csv' ? 10_000_000 : 2_000_000);
    expect(peakGrowth).toBeLessThan(16 * 1024 * 1024);
  });
});

describe('export rows read from PostgreSQL in keyset pages', () => {
  let client: Client;
  beforeAll(async () => {
    const url = freshDatabaseUrl('export');
    await ensureDatabaseExists(url);
    client = new Client({ connectionString: url });
    await client.connect();
    await client.query(`create table worker (id int primary key, name text not null, id_number text not null, wage numeric(10, 2), started_on date)`);
    await client.query(
      `insert into worker select i, '工人' || i, '530113199001' || lpad(i::text, 6, '0'),
         case when i % 7 = 0 then null else 1800 + i % 900 + 0.5 end,
         case when i % 5 = 0 then null else date '2025-01-01' + i % 365 end
       from generate_series(1, 2500) i`,
    );
  });
  afterAll(async () => {
    await client?.end();
  });

  /** pg gives numeric as a string and date as a Date at local midnight: both must come out right. */
  async function* pages(size: number): AsyncIterable<{ id: number; name: string; id_number: string; wage: string | null; started_on: Date | null }[]> {
    let after = 0;
    for (;;) {
      const { rows } = await client.query('select * from worker where id > $1 order by id limit $2', [after, size]);
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1].id;
    }
  }

  const columns: ExportColumn<{ id: number; name: string; id_number: string; wage: string | null; started_on: Date | null }>[] = [
    { header: '序号', value: (w) => w.id, kind: 'number' },
    { header: '姓名', value: (w) => w.name },
    { header: '身份证号', value: (w) => w.id_number, kind: 'text' },
    { header: '月工资', value: (w) => w.wage, kind: 'number' },
    { header: '就业日期', value: (w) => w.started_on, kind: 'date' },
  ];

  it('writes the same rows to CSV and xlsx', async () => {
    const expected = (await client.query(`select id, name, id_number, wage::float8 as wage, to_char(started_on, 'YYYY-MM-DD') as day from worker order by id`)).rows;

    const csv = collector();
    expect(await writeCsv({ title: '工人名单', columns, rows: pages(400) }, csv.out)).toEqual({ rows: 2500 });
    const lines = csv.bytes().toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('序号,姓名,身份证号,月工资,就业日期');
    expect(lines.slice(1, -1)).toEqual(expected.map((r) => [r.id, r.name, r.id_number, r.wage ?? '', r.day ?? ''].join(',')));

    const directory = await mkdtemp(path.join(os.tmpdir(), 'jiuye-export-pg-'));
    try {
      const file = path.join(directory, '工人名单.xlsx');
      expect(await writeXlsx({ title: '工人名单', columns, rows: pages(400) }, createWriteStream(file))).toEqual({ rows: 2500 });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const worksheet = workbook.worksheets[0];
      expect(worksheet.rowCount).toBe(2501);
      const read = [];
      for (let r = 2; r <= 2501; r++) {
        const row = worksheet.getRow(r);
        const day = row.getCell(5).value as Date | null;
        read.push({
          id: row.getCell(1).value,
          name: row.getCell(2).value,
          id_number: row.getCell(3).value,
          wage: row.getCell(4).value,
          day: day ? day.toISOString().slice(0, 10) : null,
        });
      }
      expect(read).toEqual(expected);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('download headers and formats', () => {
  it('builds Content-Disposition with the Chinese name and an ASCII fallback', () => {
    expect(contentDisposition('零就业家庭名单-2026-01-05.xlsx')).toBe(
      'attachment; filename="2026-01-05.xlsx"; filename*=UTF-8\'\'%E9%9B%B6%E5%B0%B1%E4%B8%9A%E5%AE%B6%E5%BA%AD%E5%90%8D%E5%8D%95-2026-01-05.xlsx',
    );
    expect(contentDisposition('一库六册.csv')).toBe('attachment; filename="export.csv"; filename*=UTF-8\'\'%E4%B8%80%E5%BA%93%E5%85%AD%E5%86%8C.csv');
    expect(contentDisposition('roster (1).xlsx')).toBe('attachment; filename="roster (1).xlsx"; filename*=UTF-8\'\'roster%20%281%29.xlsx');
    // no header injection, no path, no quote breaking out of the fallback
    const hostile = contentDisposition('a"b\r\nSet-Cookie: x=1/../名单.csv');
    expect(hostile).not.toMatch(/[\r\n]/);
    expect(hostile).toBe('attachment; filename="a_bSet-Cookie: x=1.csv"; filename*=UTF-8\'\'a%22bSet-Cookie%3A%20x%3D1_.._%E5%90%8D%E5%8D%95.csv');
  });

  it('names the content types and reads a requested format, naming the argument when it is wrong', () => {
    expect(EXPORT_FORMATS.csv).toMatchObject({ contentType: 'text/csv; charset=utf-8', extension: 'csv' });
    expect(EXPORT_FORMATS.xlsx).toMatchObject({ contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' });
    expect(parseExportFormat('XLSX')).toBe('xlsx');
    expect(parseExportFormat('csv', 'as')).toBe('csv');
    let error: unknown;
    try {
      parseExportFormat('pdf', 'as');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'as' });
    expect((error as GraphQLError).message).toBe('as: expected one of csv, xlsx');
    expect(() => parseExportFormat(undefined)).toThrow('format: expected one of csv, xlsx');
  });
});
