import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as ExcelJS from 'exceljs';
import { householdCodeIn, idNumberCheckCharacter, makeIdNumber } from '@jiuye/common';

/**
 * 建档立卡贫困户名单 for poverty (kind households), for npm run import:samples: one row per member.
 *   households.xlsx      household columns (贫困状态, 识别年度, 主要致贫原因) on the head's row only;
 *   households-gbk.csv   the same columns repeated on every row, one household split by another.
 * People are synthetic (born in 禄劝 530128, sequences from 801: none of the other samples' people),
 * in the demo county's first villages, households numbered from 9201 (xlsx) and 9301 (csv). Each
 * file ends with the broken households offices send: a mistyped ID number, two heads, a member
 * listed twice, a household lifted out of poverty (已脱贫) without its 脱贫年度 (the import registers
 * it as 未脱贫 and lifts it on that day), a reason too short (病), a household outside the county.
 */
export interface SampleVillage {
  code: string;
  name: string;
}

const FAMILY = ['普', '李', '张', '王', '杨', '罗', '何', '段', '马', '陈', '鲁'];
const GIVEN = ['正华', '美芬', '云祥', '春兰', '家兴', '小芳', '永昌', '丽琼', '文富', '玉梅', '国平', '志明'];
const REASONS = ['因病致贫', '缺劳动力', '缺技术致贫', '因学致贫', '缺资金致贫'];
const SHAPES: [string, number][][] = [
  // relationship to the head, birth year
  [
    ['户主', 1966],
    ['配偶', 1969],
    ['子女', 1992],
    ['子女', 1996],
  ],
  [
    ['户主', 1958],
    ['配偶', 1960],
  ],
  [
    ['户主', 1975],
    ['配偶', 1978],
    ['子女', 2003],
  ],
  [
    ['户主', 1983],
    ['父母', 1952],
    ['子女', 2012],
  ],
  [
    ['户主', 1970],
    ['子女', 1998],
  ],
];
const OUTSIDE_VILLAGE = { code: '532301001201', name: '楚雄市某村' }; // 楚雄市: outside the demo county

type Row = [householdCode: string, village: string, name: string, idNumber: string, relationship: string, status: string, year: string, reason: string];

function wrongCheckCharacter(idNumber: string): string {
  const right = idNumberCheckCharacter(idNumber.slice(0, 17));
  return idNumber.slice(0, 17) + (right === '7' ? '8' : '7');
}

/** The households of one file, each a list of member rows (household columns on every row); the broken ones last. */
function households(villages: readonly SampleVillage[], firstNumber: number, firstSequence: number): Row[][] {
  let sequence = firstSequence;
  const household = (index: number, shape: [string, number][], village = villages[index % villages.length], status = '未脱贫', reason = REASONS[index % REASONS.length]): Row[] => {
    const code = householdCodeIn(village.code, firstNumber + index);
    const family = FAMILY[(index + firstNumber) % FAMILY.length];
    return shape.map(([relationship, year], member) => {
      const birth = `${year}-${String(1 + ((index + member) % 12)).padStart(2, '0')}-${String(1 + ((index * 7 + member * 3) % 28)).padStart(2, '0')}`;
      const idNumber = makeIdNumber('530128', birth, sequence++);
      const name = (relationship === '配偶' ? FAMILY[(index + 3) % FAMILY.length] : family) + GIVEN[(index * 5 + member) % GIVEN.length];
      return [code, village.name, name, idNumber, relationship, status, String(2014 + (index % 4)), reason];
    });
  };
  const good = SHAPES.map((shape, index) => household(index, shape));
  const mistyped = household(5, SHAPES[1]);
  mistyped[1][3] = wrongCheckCharacter(mistyped[1][3]); // 身份证号码: check character
  const twoHeads = household(6, SHAPES[4]);
  twoHeads[1][4] = '户主'; // 与户主关系: two heads
  const twice = household(7, SHAPES[1]);
  twice.push([...twice[1]]); // the same person as the line above
  const lifted = household(8, SHAPES[4], undefined, '已脱贫'); // 已脱贫 without 脱贫年度: refused
  const shortReason = household(9, SHAPES[1], undefined, '未脱贫', '病'); // 主要致贫原因: 2 to 200 characters
  const outside = household(10, SHAPES[4], OUTSIDE_VILLAGE); // 户编号: outside the county
  return [...good, mistyped, twoHeads, twice, lifted, shortReason, outside];
}

const HEADER = ['序号', '户编号', '行政村', '姓名', '身份证号码', '与户主关系', '贫困状态', '识别年度', '主要致贫原因'];

/** households.xlsx: a merged title row, household columns on the head's row only, 识别年度 as number cells, ID numbers as text. */
export async function writeHouseholdsXlsx(file: string, villages: readonly SampleVillage[]): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.created = book.modified = new Date('2026-11-30T00:00:00Z');
  book.creator = 'npm run import:samples';
  const sheet = book.addWorksheet('建档立卡贫困户');
  sheet.addRow(['东川区建档立卡贫困户花名册（2026年）']);
  sheet.mergeCells('A1:I1');
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow(HEADER);
  let seq = 0;
  for (const members of households(villages, 9201, 801)) {
    const headIndex = members.findIndex((m) => m[4] === '户主');
    for (const [index, [code, village, name, idNumber, relationship, status, year, reason]] of members.entries()) {
      const head = index === headIndex;
      sheet.addRow([++seq, code, village, name, idNumber, relationship, head ? status : null, head ? Number(year) : null, head ? reason : null]);
    }
  }
  for (const [index, width] of [6, 20, 14, 10, 22, 10, 12, 10, 14].entries()) sheet.getColumn(index + 1).width = width;
  sheet.getColumn(2).numFmt = '@';
  sheet.getColumn(5).numFmt = '@';
  await book.xlsx.writeFile(file);
}

/** households-gbk.csv: household columns on every row, 识别年度 as 2016年, the second household's last member after the third household. */
export function writeHouseholdsCsv(file: string, villages: readonly SampleVillage[], encodeGbk: (text: string) => Buffer): void {
  const list = households(villages, 9301, 861);
  const [first, second, third, ...rest] = list;
  const ordered = [...first, ...second.slice(0, -1), ...third, second[second.length - 1], ...rest.flat()];
  const lines = [
    '东川区建档立卡贫困户花名册（汤丹片区）,,,,,,,,',
    HEADER.join(','),
    ...ordered.map((row, index) => [String(index + 1), ...row.slice(0, 6), `${row[6]}年`, row[7]].join(',')),
    '',
  ];
  writeFileSync(file, encodeGbk(lines.join('\r\n') + '\r\n'));
}

export const HOUSEHOLD_SAMPLES = ['households.xlsx', 'households-gbk.csv'];

export async function writeHouseholdSamples(out: string, villages: readonly SampleVillage[], encodeGbk: (text: string) => Buffer): Promise<void> {
  await writeHouseholdsXlsx(path.join(out, 'households.xlsx'), villages);
  writeHouseholdsCsv(path.join(out, 'households-gbk.csv'), villages, encodeGbk);
}
