import { containsIdNumber } from '../src/text-guard';
import { checkService } from '../src/service-record/service-record.service';
import type { RecordServiceInput } from '../src/service-record/service-record.inputs';

describe('containsIdNumber: notes never hold an ID number', () => {
  it.each([
    ['an 18-character number', '身份证530113199001011234已核'],
    ['with a check character X', '号码 53011319900101123X'],
    ['a lower-case x', '53011319900101123x'],
    ['spaced in groups', '530113 19900101 1234'],
    ['hyphenated', '530113-19900101-1234'],
    ['the old 15 digits', '530113900101123'],
  ])('finds %s', (_label, text) => {
    expect(containsIdNumber(text)).toBe(true);
  });

  it.each([
    ['a mobile number', '联系电话 13812345678'],
    ['a date and an amount', '2026-03-05 补贴 1500 元'],
    ['a posting number', '岗位 123456'],
    ['plain text', '已电话联系，本人同意参加培训'],
    ['a 19-digit run (not an ID number)', '1234567890123456789'],
  ])('lets %s through', (_label, text) => {
    expect(containsIdNumber(text)).toBe(false);
  });
});

describe('checkService: each kind takes its own fields, problems named', () => {
  const TODAY = '2026-12-06';
  const base: RecordServiceInput = { workerId: 'wAbc_123', kind: 'CAREER_GUIDANCE', servedOn: '2026-12-01' };
  const fields = (input: Partial<RecordServiceInput>, department: 'hr' | 'poverty' | 'partner' = 'hr') =>
    checkService({ ...base, ...input }, department, TODAY)
      .problems.list()
      .map((p) => p.field);

  it('accepts a plain service and a complete referral, push, contact and closed case', () => {
    expect(fields({})).toEqual([]);
    expect(fields({ kind: 'JOB_REFERRAL', postingIds: ['7'], outcome: 'HIRED' })).toEqual([]);
    expect(fields({ kind: 'JOB_PUSH', postingIds: ['7', '8'], channel: 'WECHAT' })).toEqual([]);
    expect(fields({ kind: 'CONTACT_ATTEMPT', outcome: 'WRONG_NUMBER' })).toEqual([]);
    expect(fields({ kind: 'RIGHTS_PROTECTION', closedOn: '2026-12-05', outcome: 'MEDIATED' })).toEqual([]);
    expect(fields({ kind: 'RIGHTS_PROTECTION' })).toEqual([]);
  });

  it('names every problem', () => {
    expect(fields({ servedOn: '2026-12-07' })).toEqual(['input.servedOn']);
    expect(fields({ workerId: 'not a key!' })).toEqual(['input.workerId']);
    expect(fields({ kind: 'JOB_REFERRAL', postingIds: ['7', '8'] })).toEqual(['input.postingIds', 'input.outcome']);
    expect(fields({ kind: 'JOB_PUSH', postingIds: ['x', '7', '7'], channel: 'SMS' })).toEqual(['input.postingIds[0]', 'input.postingIds[2]']);
    expect(fields({ kind: 'CONTACT_ATTEMPT', outcome: 'HIRED' })).toEqual(['input.outcome']);
    expect(fields({ kind: 'CAREER_GUIDANCE', channel: 'SMS', postingIds: ['1'], classId: '3', closedOn: '2026-12-01' })).toEqual([
      'input.postingIds',
      'input.channel',
      'input.classId',
      'input.closedOn',
    ]);
    expect(fields({ kind: 'RIGHTS_PROTECTION', outcome: 'RESOLVED' })).toEqual(['input.closedOn']);
    expect(fields({ kind: 'RIGHTS_PROTECTION', closedOn: '2026-11-30', outcome: 'RESOLVED' })).toEqual(['input.closedOn']);
    expect(fields({ note: '身份证 530113199001011234' })).toEqual(['input.note']);
    expect(fields({ note: '长'.repeat(501) })).toEqual(['input.note']);
  });

  it('postings are hr’s or partner’s: the departments that hold none say whose', () => {
    expect(checkService({ ...base, kind: 'JOB_PUSH', postingIds: ['7'], channel: 'SMS' }, 'partner', TODAY).postingSource).toBe('PARTNER_PUSHED_POSTING');
    expect(checkService({ ...base, kind: 'JOB_PUSH', postingIds: ['7'], channel: 'SMS' }, 'hr', TODAY).postingSource).toBe('HR_JOB_POSTING');
    expect(fields({ kind: 'JOB_REFERRAL', postingIds: ['7'], outcome: 'PENDING' }, 'poverty')).toEqual(['input.postingSource']);
    expect(fields({ kind: 'JOB_REFERRAL', postingIds: ['7'], outcome: 'PENDING', postingSource: 'PARTNER_PUSHED_POSTING' }, 'poverty')).toEqual([]);
    expect(fields({ kind: 'CAREER_GUIDANCE', postingSource: 'HR_JOB_POSTING' })).toEqual(['input.postingSource']);
    expect(fields({ kind: 'TRAINING_REFERRAL', classId: '3' }, 'poverty')).toEqual([]);
    expect(fields({ kind: 'TRAINING_REFERRAL' })).toEqual(['input.courseId']);
  });
});
