import { deflateRawSync } from 'node:zlib';
import * as ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import {
  DEFAULT_IMPORT_LIMITS,
  EducationVocabulary,
  EmploymentStatusVocabulary,
  ImportFileError,
  mapHeader,
  MOBILE_NUMBER_MESSAGE,
  normaliseDate,
  normaliseIdNumber,
  normaliseMobile,
  readCsv,
  readSpreadsheet,
  vocabularyReader,
  writeRejectedRows,
  type ImportColumn,
} from '@jiuye/common';

const COLUMNS: ImportColumn<'name' | 'idNumber' | 'phone' | 'seq'>[] = [
  { key: 'seq', labels: ['序号', 'No.'] },
  { key: 'name', labels: ['姓名', 'name'], required: true },
  { key: 'idNumber', labels: ['身份证号码', '身份证号', 'idNumber'], required: true },
  { key: 'phone', labels: ['联系电话', '手机号码', 'phone'] },
];

const limits = DEFAULT_IMPORT_LIMITS;
const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('CSV reading', () => {
  it('reads UTF-8 with and without the BOM Excel writes, and the same rows either way', () => {
    const text = '姓名,身份证号码\r\n张三,110101199001011234\r\n';
    const plain = readCsv(utf8(text), limits);
    const bom = readCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]), limits);
    expect(plain.encoding).toBe('utf-8');
    expect(bom.rows).toEqual(plain.rows);
    expect(plain.rows[0].cells).toEqual(['姓名', '身份证号码']);
  });

  it('detects GBK (GB18030) when the bytes are not valid UTF-8', () => {
    const gbk = iconv.encode('姓名,身份证号码\r\n李四,110101199001011234\r\n', 'gbk');
    const read = readCsv(gbk, limits);
    expect(read.encoding).toBe('gb18030');
    expect(read.rows[1].cells[0]).toBe('李四');
  });

  it('near miss: a UTF-8 file with Chinese text is not taken for GBK', () => {
    expect(readCsv(utf8('姓名\n王五\n'), limits).encoding).toBe('utf-8');
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers lines as an editor does, blank lines counted', () => {
    const text = '姓名,备注\r\n\r\n"张,三","说""好""\r\n第二行"\r\n\r\n李四,x\r\n';
    const { rows } = readCsv(utf8(text), limits);
    expect(rows).toEqual([
      { line: 1, cells: ['姓名', '备注'] },
      { line: 3, cells: ['张,三', '说"好"\r\n第二行'] },
      { line: 6, cells: ['李四', 'x'] },
    ]);
  });

  it('reads UTF-16 "Unicode text" (tab-separated) as Excel saves it', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t身份证号码\r\n赵六\t1\r\n', 'utf16le')]);
    expect(readCsv(bytes, limits).rows[1].cells).toEqual(['赵六', '1']);
  });

  it('skips rows of empty fields (,,,) as blank lines', () => {
    expect(readCsv(utf8('a,b\n,,\n1,2\n'), limits).rows.map((r) => r.line)).toEqual([1, 3]);
  });
});

describe('header mapping', () => {
  const rows = (lines: string[][]) => lines.map((cells, index) => ({ line: index + 1, cells }));

  it('finds the header under title rows, by Chinese or English labels, full-width and starred labels too', () => {
    const header = mapHeader(rows([['XX县农村劳动力实名登记表'], ['填报单位：某镇'], ['序号', '＊姓名', '身份证号码 ', 'Remarks']]), COLUMNS);
    expect(header.headerRows).toBe(3);
    expect(header.index).toEqual({ seq: 0, name: 1, idNumber: 2 });
    expect(header.unknown).toEqual(['Remarks']);
    expect(mapHeader(rows([['name', 'idNumber', 'PHONE']]), COLUMNS).index).toEqual({ name: 0, idNumber: 1, phone: 2 });
  });

  it('reads a header of two rows: a group label over its columns (merged, or left empty in a CSV), a label spanning both rows', () => {
    const header = mapHeader(
      rows([
        ['序号', '家庭成员', '', '', '备注'],
        ['', '姓名', '身份证号', '联系电话', ''],
      ]),
      COLUMNS,
    );
    expect(header.headerRows).toBe(2);
    expect(header.labels).toEqual(['序号', '家庭成员|姓名', '家庭成员|身份证号', '家庭成员|联系电话', '备注']);
    expect(header.index).toEqual({ seq: 0, name: 1, idNumber: 2, phone: 3 });
  });

  it('refuses a file missing a required column up front, naming it', () => {
    expect(() => mapHeader(rows([['姓名', '联系电话']]), COLUMNS)).toThrow(new ImportFileError('required columns are missing: 身份证号码', 'MISSING_COLUMNS'));
  });

  it('refuses a column given twice, and a file with no recognisable header', () => {
    expect(() => mapHeader(rows([['姓名', '身份证号码', 'name']]), COLUMNS)).toThrow(/appears twice/);
    expect(() => mapHeader(rows([['甲', '乙']]), COLUMNS)).toThrow(/no header row/);
  });
});

describe('value normalisers', () => {
  it('dates in the formats offices write', () => {
    for (const text of ['2026-11-20', '2026/11/20', '2026.11.20', '2026年11月20日', '2026年11月20', '2026/1/5'.replace('1/5', '11/20')]) {
      expect(normaliseDate(text)).toEqual({ value: '2026-11-20' });
    }
    expect(normaliseDate('2026-1-5')).toEqual({ value: '2026-01-05' });
    expect(normaliseDate(46346)).toEqual({ value: '2026-11-20' }); // Excel serial
    expect(normaliseDate(new Date('2026-11-20T00:00:00Z'))).toEqual({ value: '2026-11-20' });
  });

  it('date near misses: month 13, 30 February, a missing day, mixed separators, a serial before 1900-03-01', () => {
    expect(normaliseDate('2026年13月1日').problem).toMatch(/not a day of the calendar/);
    expect(normaliseDate('2026-02-30').problem).toMatch(/not a day of the calendar/);
    expect(normaliseDate('2026-11').problem).toMatch(/not a date/);
    expect(normaliseDate('20261120').problem).toMatch(/not a date/);
    expect(normaliseDate(60).problem).toMatch(/not a date/);
  });

  it('mobile numbers: spaces, dashes and +86 dropped; empty is no number', () => {
    expect(normaliseMobile('138 1234 5678')).toEqual({ value: '13812345678' });
    expect(normaliseMobile('138-1234-5678')).toEqual({ value: '13812345678' });
    expect(normaliseMobile('+86 13812345678')).toEqual({ value: '13812345678' });
    expect(normaliseMobile('0086-138-1234-5678')).toEqual({ value: '13812345678' });
    expect(normaliseMobile(13812345678)).toEqual({ value: '13812345678' });
    expect(normaliseMobile('  ')).toEqual({ value: null });
  });

  it('mobile near misses are flagged, not dropped: a wrong prefix, 10 or 12 digits, a landline', () => {
    for (const bad of ['12012345678', '1381234567', '138123456789', '0571-88888888']) expect(normaliseMobile(bad)).toEqual({ problem: MOBILE_NUMBER_MESSAGE });
  });

  it('ID numbers: spaces dropped, a lower-case x made upper-case; a number cell refused (Excel kept 15 digits)', () => {
    expect(normaliseIdNumber(' 11010119900101123x ')).toEqual({ value: '11010119900101123X' });
    expect(normaliseIdNumber('110101 19900101 1234')).toEqual({ value: '110101199001011234' });
    expect(normaliseIdNumber(110101199001011230).problem).toMatch(/15 digits/);
    expect(normaliseIdNumber('').problem).toBe('is empty');
  });

  it('vocabularies by Chinese label, either side of a slash, without the bracketed note, or by code', () => {
    const education = vocabularyReader(EducationVocabulary);
    expect(education('高中/中专')).toEqual({ value: 'SENIOR_HIGH' });
    expect(education('中专')).toEqual({ value: 'SENIOR_HIGH' });
    expect(education('senior_high')).toEqual({ value: 'SENIOR_HIGH' });
    const status = vocabularyReader(EmploymentStatusVocabulary);
    expect(status('未就业（有意愿）')).toEqual({ value: 'UNEMPLOYED' });
    expect(status('未就业')).toEqual({ value: 'UNEMPLOYED' });
  });

  it('vocabulary near miss: a misspelt label lists the labels, not the cell', () => {
    const problem = vocabularyReader(EducationVocabulary)('初忠').problem!;
    expect(problem).toMatch(/^not one of 未上学、小学、初中/);
    expect(problem).not.toContain('初忠');
  });
});

async function workbook(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet('登记表'));
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('xlsx reading', () => {
  it('reads the first sheet under a merged title, a two-row header merged across columns, date cells, and counts blank rows', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['某县农村劳动力实名登记表']);
      sheet.mergeCells('A1:E1');
      sheet.addRow(['序号', '家庭成员', null, null, '登记日期']);
      sheet.addRow([null, '姓名', '身份证号码', '联系电话', null]);
      sheet.mergeCells('A2:A3');
      sheet.mergeCells('B2:D2');
      sheet.mergeCells('E2:E3');
      sheet.addRow([1, '张三', '110101199001011234', '13812345678', new Date('2026-11-20T00:00:00Z')]);
      sheet.addRow([]);
      sheet.addRow([2, { richText: [{ text: '李' }, { text: '四' }] }, '110101199001011234', null, null]);
    });
    const read = await readSpreadsheet(bytes, COLUMNS);
    expect(read.format).toBe('xlsx');
    expect(read.header.labels).toEqual(['序号', '家庭成员|姓名', '家庭成员|身份证号码', '家庭成员|联系电话', '登记日期']);
    expect(read.header.index).toEqual({ seq: 0, name: 1, idNumber: 2, phone: 3 });
    expect(read.rows.map((r) => r.line)).toEqual([4, 6]);
    expect(read.rows[0].cells[4]).toEqual(new Date('2026-11-20T00:00:00Z'));
    expect(read.rows[1].cells[1]).toBe('李四');
  });

  it('refuses an old .xls, and a file beyond the size or row limits', async () => {
    await expect(readSpreadsheet(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), COLUMNS)).rejects.toThrow(/save the file as .xlsx/);
    await expect(readSpreadsheet(utf8('姓名,身份证号码\n'), COLUMNS, { ...limits, maxBytes: 5 })).rejects.toMatchObject({ reason: 'TOO_LARGE' });
    const many = '姓名,身份证号码\n' + 'a,b\n'.repeat(30);
    await expect(readSpreadsheet(utf8(many), COLUMNS, { ...limits, maxRows: 29 })).rejects.toMatchObject({ reason: 'TOO_MANY_ROWS' });
    await expect(readSpreadsheet(utf8(many), COLUMNS, { ...limits, maxRows: 30 })).resolves.toMatchObject({ format: 'csv' });
  });
});

/** A minimal zip (deflate) of the given parts; `declare` overrides a part's declared inflated size. */
function zip(parts: { name: string; data: Buffer; declare?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const compressed = deflateRawSync(part.data);
    const name = Buffer.from(part.name);
    const size = part.declare ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('xlsx decompression limits (zip bombs)', () => {
  const small = { ...limits, maxInflatedBytes: 8 * 1024 * 1024 };

  it('refuses a part that inflates beyond the total limit, and one compressed beyond the ratio', async () => {
    await expect(readSpreadsheet(zip([{ name: 'xl/a.xml', data: Buffer.alloc(9 * 1024 * 1024) }]), COLUMNS, small)).rejects.toMatchObject({ reason: 'ZIP_BOMB' });
    await expect(readSpreadsheet(zip([{ name: 'xl/a.xml', data: Buffer.alloc(4 * 1024 * 1024) }]), COLUMNS, small)).rejects.toThrow(/compresses more than 200:1/);
  });

  it('refuses a part that lies about its size (declares little, inflates to much)', async () => {
    await expect(readSpreadsheet(zip([{ name: 'xl/a.xml', data: Buffer.alloc(4 * 1024 * 1024), declare: 1000 }]), COLUMNS, small)).rejects.toThrow(/beyond the size it declares/);
  });

  it('near miss: a real workbook passes (its parts compress well below the ratio)', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['姓名', '身份证号码']);
      for (let i = 0; i < 2000; i++) sheet.addRow([`人${i}`, '110101199001011234']);
    });
    await expect(readSpreadsheet(bytes, COLUMNS, small)).resolves.toMatchObject({ format: 'xlsx' });
  });
});

describe('the rejected-rows file (导入失败明细)', () => {
  it('has the original header, the rows as read, the reason and the original line, and reads back as an import', async () => {
    const bytes = await writeRejectedRows(
      ['序号', '家庭成员|姓名', '身份证号码'],
      [{ line: 7, cells: [3, '张三', '110101199001011235'], reason: '身份证号码: the check character…' }],
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('导入失败明细');
    expect(sheet.getRow(1).values).toEqual([undefined, '序号', '家庭成员|姓名', '身份证号码', '失败原因', '原行号']);
    expect(sheet.getRow(2).values).toEqual([undefined, 3, '张三', '110101199001011235', '身份证号码: the check character…', 7]);
    const again = await readSpreadsheet(bytes, COLUMNS);
    expect(again.header.unknown).toEqual(['失败原因', '原行号']);
    expect(again.rows).toHaveLength(1);
  });
});
