import { Readable } from 'node:stream';
import * as ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import { addDays, idNumberCheckCharacter, makeIdNumber, readFrames, serviceUrl, todayInChina, type ImportReport, type ImportStreamLine, type RequestIdentity } from '@jiuye/common';
import { trainingSubgraph } from '@jiuye/training';
import { gatewayHeaders, officerOf, pseudonymOf, startTestSubgraph, type TestSubgraph } from '@jiuye/testing/harness';

const TODAY = todayInChina();
const person = (n: number) => makeIdNumber('530113', '1990-01-01', n);
/** A wrong 18th character: the check character of the first 17 digits, shifted. */
const mistyped = (id: string) => id.slice(0, 17) + (idNumberCheckCharacter(id.slice(0, 17)) === '1' ? '2' : '1');

/** Open, 3 places. */
const OPEN_CLASS = 1;
/** Ended 2026-04-04. */
const ENDED_CLASS = 2;
/** Cancelled. */
const CANCELLED_CLASS = 3;
/** Open, 30 places. */
const LARGE_CLASS = 4;
/** Registered in another county: the officer's scope does not hold them. */
const OUTSIDE = person(901);

/** 培训报名名单 as a county office keeps it: a title row, Chinese labels, broken rows, blank lines. */
const LIST = [
  '东川区职业技能培训报名名单（2026年11月）,,,,',
  '序号,培训班编号,姓名,身份证号码,报名日期',
  `1,${OPEN_CLASS},张三,${person(101)},2026/11/20`,
  `2,${OPEN_CLASS},李四,${person(103)},2026年11月21日`,
  '',
  `3,${OPEN_CLASS},王五,${mistyped(person(105))},2026-11-20`,
  `4,${ENDED_CLASS},赵六,${person(107)},2026-11-20`,
  `5,99,钱七,${person(109)},2026-11-20`,
  `6,${OPEN_CLASS},孙八,${person(111)},2026年13月1日`,
  `7,${OPEN_CLASS},张三,${person(101)},2026-11-22`,
  `8,${OPEN_CLASS},周九,${OUTSIDE},2026-11-20`,
  `9,${OPEN_CLASS},吴十,${person(113)},2026-11-20`,
  `10,${OPEN_CLASS},郑一,${person(115)},2026-11-20`,
  `11,${CANCELLED_CLASS},冯二,${person(117)},2026-11-20`,
  `12,一班,陈三,${person(119)},2026-11-20`,
  `13,${LARGE_CLASS},褚四,${person(121)},${addDays(TODAY, 3)}`,
].join('\r\n');

describe('training import: 培训报名名单 (enrolments into existing classes)', () => {
  let training: TestSubgraph;
  const officer = officerOf('training', { region: '530113' });
  const remoteAuthority = async (_identity: RequestIdentity, ids: readonly string[]) => new Set(ids.filter((id) => id !== pseudonymOf(OUTSIDE)));

  async function post(bytes: Buffer, query = '', identity: ReturnType<typeof officerOf> = officer): Promise<{ status: number; report?: ImportReport }> {
    const response = await fetch(serviceUrl(training.url, `/imports/enrolments?fileName=list.csv${query}`), {
      method: 'POST',
      body: bytes,
      headers: await gatewayHeaders(identity),
    });
    if (response.status !== 200) return { status: response.status };
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ImportStreamLine);
    const last = lines.at(-1)!;
    return { status: 200, report: last.type === 'report' ? last.report : undefined };
  }

  const enrolments = () => training.sql('select class_id, worker_id, id_number, enrolled_on, confirmation from enrolment order by class_id, enrolled_on, worker_id');

  beforeAll(async () => {
    training = await startTestSubgraph(trainingSubgraph, undefined, { remoteAuthority });
    await training.sql(`insert into institution (id, name, kind, division_code) values (1, '东川区技工学校', 'TECHNICAL_SCHOOL', '530113101')`);
    await training.sql(`insert into course (id, institution_id, name, trade, kind, duration_days) values (1, 1, '电工（中长期）', 'ELECTRICIAN', 'MEDIUM_TERM', 90)`);
    for (const [id, startsOn, endsOn, capacity] of [
      [OPEN_CLASS, addDays(TODAY, -30), addDays(TODAY, 20), 3],
      [ENDED_CLASS, '2026-01-05', '2026-04-04', 30],
      [CANCELLED_CLASS, addDays(TODAY, 10), addDays(TODAY, 40), 30],
      [LARGE_CLASS, addDays(TODAY, -30), addDays(TODAY, 20), 30],
    ] as const) {
      await training.sql(`insert into training_class (id, course_id, starts_on, ends_on, capacity, location) values (?, 1, ?, ?, ?, '东川区技工学校实训楼')`, [
        id,
        startsOn,
        endsOn,
        capacity,
      ]);
    }
    await training.sql(`update training_class set status = 'CANCELLED', closed_on = ?, close_reason = '报名人数不足' where id = ?`, [TODAY, CANCELLED_CLASS]);
  });
  afterAll(() => training?.stop());

  it("applies enrolTrainee's rules row by row from a GBK file, line and column named; the real run writes confirmed enrolments; the same file again changes nothing", async () => {
    const bytes = iconv.encode(LIST, 'gbk');
    const dry = await post(bytes, '&dryRun=1');
    expect(dry.report!.encoding).toBe('gb18030');
    expect(dry.report!.counts).toEqual({ rows: 13, inserted: 3, updated: 0, unchanged: 0, rejected: 10 });
    expect(dry.report!.rejected).toEqual([
      { line: 6, column: '身份证号码', reason: expect.stringMatching(/^身份证号码: the check character/) },
      { line: 7, column: '培训班编号', reason: '培训班编号: the class ended on 2026-04-04, before the enrolment date' },
      { line: 8, column: '培训班编号', reason: '培训班编号: training class was not found' },
      { line: 9, column: '报名日期', reason: '报名日期: not a day of the calendar (month 1–12, day within the month)' },
      { line: 10, column: null, reason: 'the same person in the same class as line 3' },
      { line: 11, column: '身份证号码', reason: '身份证号码: the worker lies outside your scope' },
      { line: 13, column: '培训班编号', reason: '培训班编号: the class is full: all 3 places are taken' },
      { line: 14, column: '培训班编号', reason: `培训班编号: the class was cancelled on ${TODAY}` },
      { line: 15, column: '培训班编号', reason: '培训班编号: not a training class id' },
      { line: 16, column: '报名日期', reason: '报名日期: must not be in the future' },
    ]);
    // No reason repeats a cell.
    for (const secret of ['张三', person(101), mistyped(person(105))]) expect(JSON.stringify(dry.report)).not.toContain(secret);
    expect(await enrolments()).toEqual([]);

    const real = await post(bytes);
    expect(real.report!.counts).toMatchObject({ inserted: 3, rejected: 10 });
    expect(await enrolments()).toEqual(
      [
        [person(101), '2026-11-20'],
        [person(113), '2026-11-20'],
        [person(103), '2026-11-21'],
      ]
        .sort((a, b) => a[1].localeCompare(b[1]) || pseudonymOf(a[0]).localeCompare(pseudonymOf(b[0])))
        .map(([id, day]) => ({ class_id: OPEN_CLASS, worker_id: pseudonymOf(id), id_number: id, enrolled_on: day, confirmation: 'CONFIRMED' })),
    );
    const written = await training.sql(`select line, record_key from import_row where run_id = ? and outcome = 'inserted' order by line`, [real.report!.runId]);
    expect(written.map((r: any) => r.line)).toEqual([3, 4, 12]);
    const again = await post(bytes);
    expect(again.report!.counts).toEqual({ rows: 13, inserted: 0, updated: 0, unchanged: 3, rejected: 10 });
  });

  it("reads an xlsx with number and date cells; a worker already on the roster with another day gets the mutation's answer; an ID number Excel stored as a number is refused", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('报名');
    sheet.addRow(['classId', 'name', 'idNumber', 'enrolledOn']);
    sheet.addRow([LARGE_CLASS, '褚四', person(121), new Date(Date.UTC(2026, 10, 20))]);
    sheet.addRow([OPEN_CLASS, '张三', person(101), new Date(Date.UTC(2026, 10, 25))]);
    sheet.addRow([LARGE_CLASS, '卫五', Number(person(123).slice(0, 17)), '2026-11-20']);
    const { report } = await post(Buffer.from(await book.xlsx.writeBuffer()));
    expect(report!.format).toBe('xlsx');
    expect(report!.counts).toEqual({ rows: 3, inserted: 1, updated: 0, unchanged: 0, rejected: 2 });
    expect(report!.rejected).toEqual([
      { line: 3, column: 'idNumber', reason: expect.stringMatching(/^idNumber: the worker is already on this class's roster \(.+, enrolment \d+\)$/) },
      { line: 4, column: 'idNumber', reason: expect.stringContaining('Excel keeps only 15 digits') },
    ]);
    expect(await training.sql('select enrolled_on from enrolment where class_id = ? and worker_id = ?', [LARGE_CLASS, pseudonymOf(person(121))])).toEqual([
      { enrolled_on: '2026-11-20' },
    ]);
  });

  it('the rejected-rows file names whom its rows are about before its bytes; institutions and other departments may not import', async () => {
    const { report } = await post(iconv.encode(LIST, 'gbk'), '&dryRun=1');
    const response = await fetch(serviceUrl(training.url, `/imports/runs/${report!.runId}/rejected.xlsx`), { headers: await gatewayHeaders(officer) });
    expect(response.status).toBe(200);
    const people: (string | null)[] = [];
    let bytesSeen = false;
    for await (const frame of readFrames(Readable.from([Buffer.from(await response.arrayBuffer())]))) {
      if (frame.type === 'people') {
        expect(bytesSeen).toBe(false);
        people.push(...frame.people.map((p) => p[0]));
      } else if (frame.type === 'data') bytesSeen = true;
    }
    // The mistyped number identifies nobody (the run's region stands for it); the rest by pseudonym.
    expect(people).toHaveLength(10);
    expect(people).toEqual(expect.arrayContaining([pseudonymOf(person(107)), pseudonymOf(OUTSIDE), pseudonymOf(person(115)), null]));
    const institution = officerOf('training', { region: undefined, institution: '1', permissions: [] });
    expect((await post(Buffer.from(LIST), '', institution)).status).toBe(403);
    expect((await post(Buffer.from(LIST), '', officerOf('hr'))).status).toBe(403);
  });
});
