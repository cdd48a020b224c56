import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as ExcelJS from 'exceljs';
import { householdCodeIn, idNumberCheckCharacter, makeIdNumber, villageOfHousehold } from '@jiuye/common';
import { createDemoCounty, DEFAULT_OPTIONS } from '@jiuye/devtools';
import { HOUSEHOLD_SAMPLES, writeHouseholdSamples } from './import-samples-households';

/**
 * npm run import:samples — rebuilds samples/import/: the files the README walks through.
 *   workers.xlsx      劳动力实名登记 as a county form: a merged title row, a two-row header
 *                     (家庭成员 over 姓名 | 身份证号码 | 联系电话, 六个清楚 over the clarities), blank rows;
 *   workers-gbk.csv   the same kind of list as a GBK CSV (Excel's "CSV" on a Chinese Windows);
 *   assistance-grants-gbk.csv  civil's 低保/特困 list; enrolments-gbk.csv  training's 报名名单;
 *   out-of-province-gbk.csv    hr's 省外务工贫困劳动力名单;
 *   transfers-gbk.csv          partner's 转移就业人员名单 (a partner city's transfer list);
 *   households.xlsx, households-gbk.csv  poverty's 建档立卡贫困户名单 (import-samples-households.ts).
 * People are synthetic: ID numbers with valid check characters, born in 禄劝 (530128, another
 * county of Kunming, so no demo person's number is reused), living in the demo county's first
 * villages in households numbered from 9001 (the demo generator's households stay below).
 * Each file has the broken rows offices make: a mistyped ID number (bad check character), a
 * household in a village not in the catalogue, a 2026年13月 date, an 11-digit mobile number with
 * a wrong prefix (120…), a misspelt vocabulary label, a duplicate line, blank lines.
 */
const OUT = path.resolve(__dirname, '../../samples/import');
const BIRTH_REGION = '530128';

const FAMILY = ['李', '王', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡'];
const GIVEN = ['建华', '秀英', '志强', '桂兰', '国庆', '春梅', '永福', '丽娟', '德明', '小燕', '海涛', '金凤', '文杰', '玉珍', '正勇'];
const STATUSES: [string, string, string, string, string, string][] = [
  // 人口状态, 就业状态, 就业意愿, 技能水平, 培训意愿, 文化程度
  ['在家', '未就业（有意愿）', '省外转移', '初级工', '电工', '初中'],
  ['外出', '无就业意愿', '就地就近就业', '无技能', '', '小学'],
  ['在家', '未就业', '自主创业', '中级工', '电子商务', '高中/中专'],
  ['在家', '丧失劳动能力', '无意愿', '无技能', '', '未上学'],
  ['外出', '未就业', '省内转移', '初级工', '焊工', '初中'],
];

interface Person {
  name: string;
  idNumber: string;
  phone: string;
  householdCode: string;
  clarities: string[];
  verifiedOn: string;
}

function people(count: number, offset: number): Person[] {
  // The first three villages are the same for every demo size (npm run seed -- --workers N).
  const villages = createDemoCounty({}).reference.villages.slice(0, 3);
  return Array.from({ length: count }, (_, i) => {
    const n = i + offset;
    const year = 1970 + ((n * 7) % 36);
    const birth = `${year}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + ((n * 5) % 28)).padStart(2, '0')}`;
    return {
      name: FAMILY[n % FAMILY.length] + GIVEN[(n * 3) % GIVEN.length],
      idNumber: makeIdNumber(BIRTH_REGION, birth, 101 + 2 * n + (n % 2)),
      phone: `13${String(8 + (n % 2))}${String(10_000_000 + n * 7919).slice(-8)}`,
      householdCode: householdCodeIn(villages[n % villages.length].code, 9001 + Math.floor(n / 2)),
      clarities: STATUSES[n % STATUSES.length],
      verifiedOn: `2026-11-${String(10 + (n % 15)).padStart(2, '0')}`,
    };
  });
}

function wrongCheckCharacter(idNumber: string): string {
  const right = idNumberCheckCharacter(idNumber.slice(0, 17));
  return idNumber.slice(0, 17) + (right === '7' ? '8' : '7');
}

/** Good rows and the broken ones, as [cells] with null for a blank line. */
function rows(offset: number, dateStyle: (day: string) => string): (string[] | null)[] {
  const good = people(12, offset);
  const row = (p: Person, index: number, patch: Partial<Record<'idNumber' | 'phone' | 'householdCode' | 'date' | 'education', string>> = {}) => [
    String(index),
    p.name,
    patch.idNumber ?? p.idNumber,
    patch.phone ?? p.phone,
    patch.householdCode ?? p.householdCode,
    p.clarities[0],
    p.clarities[1],
    p.clarities[2],
    p.clarities[3],
    p.clarities[4],
    patch.education ?? p.clarities[5],
    patch.date ?? dateStyle(p.verifiedOn),
  ];
  const broken = people(6, offset + 100);
  const unknownVillage = broken[1].householdCode.slice(0, 9) + '999' + '9001';
  const list: (string[] | null)[] = good.slice(0, 6).map((p, i) => row(p, i + 1));
  list.push(null);
  list.push(...good.slice(6).map((p, i) => row(p, i + 7)));
  list.push(null, null);
  list.push(row(broken[0], 13, { idNumber: wrongCheckCharacter(broken[0].idNumber) })); // 身份证号码: check character
  list.push(row(broken[1], 14, { householdCode: unknownVillage })); // 户编号: village not in the catalogue
  list.push(row(broken[2], 15, { date: '2026年13月5日' })); // 核实日期: month 13
  list.push(row(broken[3], 16, { phone: '12012345678' })); // 联系电话: 11 digits, wrong prefix
  list.push(row(broken[4], 17, { education: '初忠' })); // 文化程度: misspelt 初中
  list.push(row(good[2], 18)); // the same person as the third row
  return list;
}

const LOWER_HEADER = ['序号', '姓名', '身份证号码', '联系电话', '户编号', '人口状态', '就业状态', '就业意愿', '技能水平', '培训意愿', '文化程度', '核实日期'];

async function writeXlsx(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  // Fixed document dates: a rebuild gives the same workbook content.
  book.created = book.modified = new Date('2026-11-30T00:00:00Z');
  book.creator = 'npm run import:samples';
  const sheet = book.addWorksheet('劳动力实名登记');
  sheet.addRow(['东川区农村劳动力实名制登记表（2026年11月动态核实）']);
  sheet.mergeCells('A1:L1');
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow(['序号', '家庭成员', null, null, '户编号', '六个清楚', null, null, null, null, null, '核实日期']);
  sheet.addRow(LOWER_HEADER.map((label, i) => ([1, 2, 3, 5, 6, 7, 8, 9, 10].includes(i) ? label : null)));
  for (const range of ['A2:A3', 'B2:D2', 'E2:E3', 'F2:K2', 'L2:L3']) sheet.mergeCells(range);
  for (const row of rows(0, (day) => day)) {
    if (!row) {
      sheet.addRow([]);
      continue;
    }
    // Dates as date cells, as Excel keeps them; the broken date stays the text an official typed.
    const date = /^\d{4}-\d{2}-\d{2}$/.test(row[11]) ? new Date(`${row[11]}T00:00:00Z`) : row[11];
    const added = sheet.addRow([Number(row[0]), ...row.slice(1, 11), date]);
    added.getCell(12).numFmt = 'yyyy-mm-dd';
  }
  for (const [index, width] of [6, 10, 22, 16, 20, 10, 16, 14, 10, 12, 12, 14].entries()) sheet.getColumn(index + 1).width = width;
  sheet.getColumn(3).numFmt = '@';
  sheet.getColumn(5).numFmt = '@';
  await book.xlsx.writeFile(file);
}

/** GBK bytes of a text, from a table built by decoding every two-byte GBK code (Node's full ICU decodes GB18030): no package needed. */
function encodeGbk(text: string): Buffer {
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.from([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(char);
      if (!pair) throw new Error(`no GBK code for ${char}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

function writeGbkCsv(file: string): void {
  const lines = [
    'XX区农村劳动力实名制登记表（汤丹片区）,,,,,,,,,,,',
    LOWER_HEADER.join(','),
    ...rows(40, (day) => day.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, m, d) => `${y}年${Number(m)}月${Number(d)}日`)).map((row) => (row ? row.map(csvField).join(',') : '')),
  ];
  writeFileSync(file, encodeGbk(lines.join('\r\n') + '\r\n'));
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * 低保/特困救助名册 for civil (kind assistance-grants), GBK: the sample workers' households, with
 * a misspelt kind (低包), an amount over 5000, a 2026年13月 date, the same household and kind twice,
 * and a household in a village not in the county (its township's scope refuses it), blank lines.
 */
function writeGrantsCsv(file: string): void {
  const households = [...new Set(people(12, 0).map((p) => p.householdCode))];
  const kinds = ['低保', '特困人员救助供养', '最低生活保障（低保）'];
  const good = households.map((code, i) => [
    String(i + 1),
    code,
    kinds[i % 3] === '特困人员救助供养' ? kinds[1] : kinds[i % 3],
    String(380 + 20 * i),
    `2026年${1 + (i % 10)}月1日`,
  ]);
  const outside = '532301001201' + '0001'; // 楚雄市: outside the demo county
  const lines = [
    '东川区城乡低保、特困人员花名册（2026年11月）,,,,',
    '序号,户编号,救助类别,月救助金额（元）,享受起始日期',
    ...good.slice(0, 3).map((row) => row.join(',')),
    '',
    ...good.slice(3).map((row) => row.join(',')),
    `${good.length + 1},${villageOfHousehold(households[0])}9101,低包,480,2026年1月1日`,
    `${good.length + 2},${villageOfHousehold(households[1])}9102,低保,6000,2026年1月1日`,
    `${good.length + 3},${villageOfHousehold(households[2])}9103,低保,480,2026年13月1日`,
    `${good.length + 4},${households[0]},低保,500,2026年2月1日`,
    `${good.length + 5},${outside},低保,480,2026年1月1日`,
    '',
  ];
  writeFileSync(file, encodeGbk(lines.join('\r\n') + '\r\n'));
}

/**
 * 培训报名名单 for training (kind enrolments), GBK: eight of the sample workers (import
 * workers.xlsx first: a worker not in the registry is outside every scope) into the two classes
 * of the demo county (20,000 workers, as npm start makes it) that end last, on the demo's day; then a mistyped
 * ID number, a class that does not exist, a 2026年13月 date, the same person twice in a class, a
 * class that ended long ago, and someone never registered. A demo of another size (DEMO_WORKERS)
 * has other classes: the class ids then name other classes or none.
 */
function writeEnrolmentsCsv(file: string): void {
  const classes = [...createDemoCounty({}).reference.classes].sort((a, b) => a.endsOn.localeCompare(b.endsOn) || a.id - b.id);
  const [last, beforeLast] = [classes[classes.length - 1], classes[classes.length - 2]];
  const ended = classes[0];
  // The demo county's own day (npm start lays it out around 2026-11-20), so the file is the same whenever it is rebuilt.
  const enrolledOn = DEFAULT_OPTIONS.today;
  const [year, month, day] = enrolledOn.split('-').map(Number);
  const styles = [enrolledOn, `${year}/${month}/${day}`, `${year}年${month}月${day}日`];
  const trainees = people(8, 0);
  const good = trainees.map((p, i) => [String(i + 1), String(i % 3 === 2 ? beforeLast.id : last.id), p.name, p.idNumber, styles[i % 3]]);
  // Beyond both worker samples (offsets 0 and 40): nobody registers them.
  const [extra] = people(1, 300);
  const n = good.length;
  const lines = [
    '东川区职业技能培训报名名单,,,,',
    '序号,培训班编号,姓名,身份证号码,报名日期',
    ...good.slice(0, 4).map((row) => row.join(',')),
    '',
    ...good.slice(4).map((row) => row.join(',')),
    `${n + 1},${last.id},${extra.name},${wrongCheckCharacter(extra.idNumber)},${enrolledOn}`,
    `${n + 2},99999,${trainees[0].name},${trainees[0].idNumber},${enrolledOn}`,
    `${n + 3},${last.id},${trainees[1].name},${trainees[1].idNumber},${year}年13月1日`,
    `${n + 4},${last.id},${trainees[0].name},${trainees[0].idNumber},${enrolledOn}`,
    `${n + 5},${ended.id},${trainees[3].name},${trainees[3].idNumber},${enrolledOn}`,
    `${n + 6},${last.id},${extra.name},${extra.idNumber},${enrolledOn}`,
    '',
  ];
  writeFileSync(file, encodeGbk(lines.join('\r\n') + '\r\n'));
}

/**
 * 省外务工贫困劳动力名单 for hr (kind out-of-province), GBK: six of the sample workers (import
 * workers.xlsx first) working in other provinces since 2026, then a start in the future, someone
 * never registered, a mistyped ID number, the same person twice, a name that is not the
 * registry's, a wage written as 面议.
 */
function writeOutOfProvinceCsv(file: string): void {
  const workers = people(12, 0);
  const jobs = [
    ['广东省深圳市宝安区', '深圳市某电子有限公司'],
    ['浙江省宁波市鄞州区', '宁波某服装有限公司'],
    ['广东省东莞市长安镇', '东莞某五金制品厂'],
    ['福建省厦门市集美区', '厦门某食品有限公司'],
    ['江苏省苏州市昆山市', '昆山某精密机械有限公司'],
    ['上海市松江区', '上海某物流有限公司'],
  ];
  const good = [0, 1, 2, 4, 5, 6].map((w, i) => {
    const p = workers[w];
    return [String(i + 1), p.name, p.idNumber, jobs[i][0], jobs[i][1], `2026年${i + 2}月1日`, String(3600 + 200 * i)];
  });
  const [never] = people(1, 300);
  const n = good.length;
  const lines = [
    '东川区省外务工贫困劳动力名单（2026年11月）,,,,,,',
    '序号,姓名,身份证号码,务工地点,用工单位,务工开始时间,月收入（元）',
    ...good.slice(0, 3).map((row) => row.join(',')),
    '',
    ...good.slice(3).map((row) => row.join(',')),
    `${n + 1},${workers[7].name},${workers[7].idNumber},${jobs[0][0]},${jobs[0][1]},2099年1月1日,4000`,
    `${n + 2},${never.name},${never.idNumber},${jobs[1][0]},${jobs[1][1]},2026年5月1日,4000`,
    `${n + 3},${workers[8].name},${wrongCheckCharacter(workers[8].idNumber)},${jobs[2][0]},${jobs[2][1]},2026年5月1日,4000`,
    good[0].map((cell, i) => (i === 0 ? String(n + 4) : cell)).join(','),
    `${n + 5},${workers[9].name}某,${workers[9].idNumber},${jobs[3][0]},${jobs[3][1]},2026年5月1日,4000`,
    `${n + 6},${workers[10].name},${workers[10].idNumber},${jobs[4][0]},${jobs[4][1]},2026年5月1日,面议`,
    '',
  ];
  writeFileSync(file, encodeGbk(lines.join('\r\n') + '\r\n'));
}

/**
 * 转移就业人员名单 for partner (kind transfers), GBK, as a partner city hands it to the county
 * office: six of the sample workers (import workers.xlsx first: a worker not in the registry is
 * outside every scope) at work in the demo's partner cities (深圳市 by name, code and district,
 * 苏州 without 市) since 2026, then a start in the future, someone never registered, a mistyped ID
 * number, the same person twice, a mobile number with a wrong prefix (120…), a city that is not a
 * partner city (广州市), a fare cell that is neither 是 nor 否. 月收入 and 是否建档立卡 are columns a
 * transfer does not keep: the report lists them as not imported.
 */
function writeTransfersCsv(file: string): void {
  const workers = people(12, 0);
  const jobs = [
    ['深圳市', '深圳某电子有限公司', '普工', '电子装配工'],
    ['440306', '深圳某物流有限公司', '', '仓管员'],
    ['苏州', '苏州某精密机械有限公司', '机修工', ''],
    ['4403', '深圳某服装有限公司', '缝纫工', '车位工'],
    ['苏州市', '苏州某食品有限公司', '普工', '包装工'],
    ['深圳市', '深圳某建筑劳务有限公司', '建筑工', '钢筋工'],
  ];
  const styles = (i: number) => [`2026-0${i + 2}-01`, `2026/${i + 2}/1`, `2026年${i + 2}月1日`][i % 3];
  const good = [0, 1, 2, 4, 5, 6].map((w, i) => {
    const p = workers[w];
    const phone = i === 1 ? `+86 ${p.phone.slice(0, 3)}-${p.phone.slice(3, 7)}-${p.phone.slice(7)}` : p.phone;
    return [String(i + 1), p.name, p.idNumber, phone, jobs[i][0], jobs[i][1], jobs[i][2], jobs[i][3], String(4200 + 300 * i), styles(i), i % 2 ? '否' : '是', '是'];
  });
  const [never] = people(1, 300);
  const n = good.length;
  const row = (seq: number, p: Person, cells: Partial<{ id: string; phone: string; city: string; day: string; fare: string }>) =>
    [
      String(seq),
      p.name,
      cells.id ?? p.idNumber,
      cells.phone ?? p.phone,
      cells.city ?? '深圳市',
      '深圳某电子有限公司',
      '普工',
      '装配工',
      '4500',
      cells.day ?? '2026年5月1日',
      cells.fare ?? '否',
      '是',
    ].join(',');
  const lines = [
    '东川区转移就业人员名单（深圳市、苏州市协作办提供，2026年11月）,,,,,,,,,,,',
    '序号,姓名,身份证号码,联系电话,输入地,用工单位,工种,岗位,月收入（元）,转移时间,一次性交通补助,是否建档立卡',
    ...good.slice(0, 3).map((cells) => cells.join(',')),
    '',
    ...good.slice(3).map((cells) => cells.join(',')),
    row(n + 1, workers[7], { day: '2099年1月1日' }),
    row(n + 2, never, {}),
    row(n + 3, workers[8], { id: wrongCheckCharacter(workers[8].idNumber) }),
    good[0].map((cell, i) => (i === 0 ? String(n + 4) : cell)).join(','),
    row(n + 5, workers[9], { phone: `120${workers[9].phone.slice(3)}` }),
    row(n + 6, workers[10], { city: '广州市' }),
    row(n + 7, workers[11], { fare: '待定' }),
    '',
  ];
  writeFileSync(file, encodeGbk(lines.join('\r\n') + '\r\n'));
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await writeXlsx(path.join(OUT, 'workers.xlsx'));
  writeGbkCsv(path.join(OUT, 'workers-gbk.csv'));
  writeGrantsCsv(path.join(OUT, 'assistance-grants-gbk.csv'));
  writeEnrolmentsCsv(path.join(OUT, 'enrolments-gbk.csv'));
  writeOutOfProvinceCsv(path.join(OUT, 'out-of-province-gbk.csv'));
  writeTransfersCsv(path.join(OUT, 'transfers-gbk.csv'));
  await writeHouseholdSamples(OUT, createDemoCounty({}).reference.villages.slice(0, 3), encodeGbk);
  console.log(
    `written: ${path.relative(process.cwd(), OUT)}/workers.xlsx, workers-gbk.csv, assistance-grants-gbk.csv, enrolments-gbk.csv, out-of-province-gbk.csv, transfers-gbk.csv, ${HOUSEHOLD_SAMPLES.join(', ')}`,
  );
}

main().catch((error) => {
  console.error(`npm run import:samples: ${(error as Error).message}`);
  process.exit(1);
});
