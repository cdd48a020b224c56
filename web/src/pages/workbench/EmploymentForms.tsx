import { useState } from 'react';
import { graphql } from '../../gql';
import type { EmploymentKind, EmploymentPlace } from '../../gql/graphql';
import { graphqlRequest } from '../../api/client';
import { useMutationForm } from './useMutationForm';

const RecordEmploymentStartDocument = graphql(`
  mutation RecordEmploymentStart($input: RecordEmploymentStartInput!) {
    recordEmploymentStart(input: $input) {
      id
      startsOn
    }
  }
`);

const RecordEmploymentEndDocument = graphql(`
  mutation RecordEmploymentEnd($input: RecordEmploymentEndInput!) {
    recordEmploymentEnd(input: $input) {
      id
      endsOn
    }
  }
`);

/** EmploymentKind without PUBLIC_WELFARE_POST (assignWelfarePost records those). */
const KINDS: { value: EmploymentKind; label: string }[] = [
  { value: 'LOCAL_ENTERPRISE', label: '本地企业就业' },
  { value: 'POVERTY_WORKSHOP', label: '扶贫车间/村级工厂' },
  { value: 'TRANSFER_IN_PROVINCE', label: '省内转移就业' },
  { value: 'TRANSFER_OUT_OF_PROVINCE', label: '省外转移就业' },
];
const PLACES: { value: EmploymentPlace; label: string }[] = [
  { value: 'IN_TOWNSHIP', label: '乡镇内' },
  { value: 'IN_COUNTY', label: '县内乡外' },
  { value: 'OUT_OF_COUNTY_IN_PROVINCE', label: '省内县外' },
  { value: 'OUT_OF_PROVINCE', label: '省外' },
];

/** 就业登记 from the worker card. */
export function EmploymentStartForm({ idNumber, purpose, onRecorded }: { idNumber: string; purpose: string; onRecorded: () => void }) {
  const [kind, setKind] = useState<EmploymentKind>('LOCAL_ENTERPRISE');
  const [place, setPlace] = useState<EmploymentPlace>('IN_COUNTY');
  const [employerName, setEmployerName] = useState('');
  const [location, setLocation] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [monthlyWage, setMonthlyWage] = useState('');
  const form = useMutationForm();
  const submit = () =>
    form.run(async () => {
      const { recordEmploymentStart } = await graphqlRequest(
        RecordEmploymentStartDocument,
        { input: { idNumber, kind, place, employerName, location, startsOn, monthlyWage: Number(monthlyWage) } },
        { purpose },
      );
      onRecorded();
      return `已登记就业（${recordEmploymentStart.startsOn} 起）`;
    });
  return (
    <form
      className="action-form"
      data-testid="employment-start-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3>就业登记</h3>
      <label>
        类型{' '}
        <select name="kind" value={kind} onChange={(event) => setKind(event.target.value as EmploymentKind)}>
          {KINDS.map((entry) => (
            <option key={entry.value} value={entry.value}>
              {entry.label}
            </option>
          ))}
        </select>
        {form.fieldError('kind')}
      </label>
      <label>
        地点类别{' '}
        <select name="place" value={place} onChange={(event) => setPlace(event.target.value as EmploymentPlace)}>
          {PLACES.map((entry) => (
            <option key={entry.value} value={entry.value}>
              {entry.label}
            </option>
          ))}
        </select>
        {form.fieldError('place')}
      </label>
      <label>
        用工单位 <input name="employerName" value={employerName} onChange={(event) => setEmployerName(event.target.value)} />
        {form.fieldError('employerName')}
      </label>
      <label>
        工作地点 <input name="location" value={location} onChange={(event) => setLocation(event.target.value)} />
        {form.fieldError('location')}
      </label>
      <label>
        上岗日期 <input type="date" name="startsOn" value={startsOn} onChange={(event) => setStartsOn(event.target.value)} />
        {form.fieldError('startsOn')}
      </label>
      <label>
        月工资（元） <input type="number" name="monthlyWage" value={monthlyWage} onChange={(event) => setMonthlyWage(event.target.value)} />
        {form.fieldError('monthlyWage')}
      </label>
      <button type="submit" disabled={form.busy}>
        登记就业
      </button>
      {form.message && <p data-testid="start-message">{form.message}</p>}
    </form>
  );
}

/** 离职登记 for the worker's open employment. */
export function EmploymentEndForm({ employmentId, purpose, onRecorded }: { employmentId: string; purpose: string; onRecorded: () => void }) {
  const [endsOn, setEndsOn] = useState('');
  const [reason, setReason] = useState('');
  const form = useMutationForm();
  const submit = () =>
    form.run(async () => {
      const { recordEmploymentEnd } = await graphqlRequest(RecordEmploymentEndDocument, { input: { employmentId, endsOn, reason } }, { purpose });
      onRecorded();
      return `已登记离职（${recordEmploymentEnd.endsOn ?? endsOn}）`;
    });
  return (
    <form
      className="action-form"
      data-testid="employment-end-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3>离职登记</h3>
      <label>
        离岗日期 <input type="date" name="endsOn" value={endsOn} onChange={(event) => setEndsOn(event.target.value)} />
        {form.fieldError('endsOn')}
      </label>
      <label>
        离职原因 <input name="reason" value={reason} onChange={(event) => setReason(event.target.value)} />
        {form.fieldError('reason')}
      </label>
      {form.fieldError('employmentId')}
      <button type="submit" disabled={form.busy}>
        登记离职
      </button>
      {form.message && <p data-testid="end-message">{form.message}</p>}
    </form>
  );
}
