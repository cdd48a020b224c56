import { useState } from 'react';
import { graphql } from '../../gql';
import type { WithdrawServiceInput } from '../../gql/graphql';
import { graphqlRequest } from '../../api/client';
import { useMutationForm } from './useMutationForm';

const WithdrawHrServiceDocument = graphql(`
  mutation WithdrawHrService($input: WithdrawServiceInput!) {
    withdrawHrService(input: $input) {
      id
      withdrawnAt
    }
  }
`);
const WithdrawPovertyServiceDocument = graphql(`
  mutation WithdrawPovertyService($input: WithdrawServiceInput!) {
    withdrawPovertyService(input: $input) {
      id
      withdrawnAt
    }
  }
`);
const WithdrawCivilServiceDocument = graphql(`
  mutation WithdrawCivilService($input: WithdrawServiceInput!) {
    withdrawCivilService(input: $input) {
      id
      withdrawnAt
    }
  }
`);
const WithdrawTrainingServiceDocument = graphql(`
  mutation WithdrawTrainingService($input: WithdrawServiceInput!) {
    withdrawTrainingService(input: $input) {
      id
      withdrawnAt
    }
  }
`);
const WithdrawPartnerServiceDocument = graphql(`
  mutation WithdrawPartnerService($input: WithdrawServiceInput!) {
    withdrawPartnerService(input: $input) {
      id
      withdrawnAt
    }
  }
`);

/** The signed-in department's withdraw<Dept>Service (a department withdraws only its own records). */
async function withdrawService(department: string, input: WithdrawServiceInput, purpose: string): Promise<void> {
  switch (department) {
    case 'hr':
      await graphqlRequest(WithdrawHrServiceDocument, { input }, { purpose });
      return;
    case 'poverty':
      await graphqlRequest(WithdrawPovertyServiceDocument, { input }, { purpose });
      return;
    case 'civil':
      await graphqlRequest(WithdrawCivilServiceDocument, { input }, { purpose });
      return;
    case 'training':
      await graphqlRequest(WithdrawTrainingServiceDocument, { input }, { purpose });
      return;
    case 'partner':
      await graphqlRequest(WithdrawPartnerServiceDocument, { input }, { purpose });
      return;
    default:
      throw new Error(`本部门（${department}）不记录服务`);
  }
}

/** 作废: a record of the signed-in department entered in error, withdrawn with the reason; errors sit at the field. */
export function WithdrawServiceForm({ department, recordId, purpose, onWithdrawn }: { department: string; recordId: string; purpose: string; onWithdrawn: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const form = useMutationForm();
  if (!open)
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        作废
      </button>
    );
  return (
    <form
      className="inline-form"
      data-testid="withdraw-service-form"
      onSubmit={(event) => {
        event.preventDefault();
        void form
          .run(async () => {
            await withdrawService(department, { id: recordId, reason }, purpose);
            return '已作废';
          })
          .then((done) => {
            if (done) onWithdrawn();
          });
      }}
    >
      <label>
        作废原因 <input name="reason" value={reason} onChange={(event) => setReason(event.target.value)} placeholder="如：录入错误，服务对象选错" />
      </label>
      {form.fieldError('reason')}
      <button type="submit" disabled={form.busy}>
        确认作废
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        取消
      </button>
      {form.message && <span data-testid="withdraw-service-message">{form.message}</span>}
    </form>
  );
}
