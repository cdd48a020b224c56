import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { DEPARTMENT_LABELS, type DepartmentName } from '../departments';
import { HttpError } from '../http';
import type { SubgraphContext } from '../subgraph';
import { ServiceRecord } from './service-record.entity';
import { RecordServiceInput, UpdateRightsCaseInput, WithdrawServiceInput } from './service-record.inputs';
import {
  findReferences,
  parseReferenceQuery,
  SERVICE_REFERENCES_PATH,
  ServiceRecordService,
  type ReferenceIds,
  type ReferenceLookup,
  type ServiceReferences,
  type WorkerScope,
} from './service-record.service';

/** recordHrService, recordPovertyService …: one mutation name per department (a federated Mutation field has one owner). */
export function serviceMutationNames(department: DepartmentName): { record: string; updateRightsCase: string; withdraw: string } {
  const prefix = department[0].toUpperCase() + department.slice(1);
  return { record: `record${prefix}Service`, updateRightsCase: `update${prefix}RightsCase`, withdraw: `withdraw${prefix}Service` };
}

/**
 * Who the caller may record a service for: anyone the department's access rules let them see
 * (region staff: residents of their region, asked of hr; partner-city staff: their city's
 * transferred workers; institution staff: their trainees). Unknown and out-of-scope people get
 * the same false.
 */
function workerScope(context: SubgraphContext): WorkerScope {
  return async (workerId) => context.access.canSee({ workerId });
}

/** References held here are looked up here; the others are asked of their holder. */
function referenceLookup(context: SubgraphContext, department: DepartmentName, references: ServiceReferences): ReferenceLookup {
  return async (holder, query) => {
    if (holder === department) return findReferences(context.em, references, query);
    const answer = parseReferenceQuery(await context.askDepartment(holder, SERVICE_REFERENCES_PATH, query));
    return answer ?? { postingIds: [], courseIds: [], classIds: [] };
  };
}

/**
 * The service-record mutations of one department, the same rules in every department: its own
 * writing staff with a declared purpose, a person in their scope, the staff account taken from
 * the signed identity (never typed).
 */
export function serviceRecordResolver(department: DepartmentName, references: ServiceReferences) {
  const names = serviceMutationNames(department);
  const label = `${department} (${DEPARTMENT_LABELS[department]})`;

  @Resolver(() => ServiceRecord)
  class DepartmentServiceRecordResolver {
    @Mutation(() => ServiceRecord, {
      name: names.record,
      description: `一人一案 — ${label} records one service given to a person in your scope (career guidance, a job referral or push, a rights case, a contact attempt …). Errors name the field; nothing is written on any error.`,
    })
    async recordService(@Arg('input', () => RecordServiceInput) input: RecordServiceInput, @Ctx() context: SubgraphContext): Promise<ServiceRecord> {
      context.access.requireDepartment(department, 'service records');
      return new ServiceRecordService(context.em, department).record(input, context.identity.subject, workerScope(context), referenceLookup(context, department, references));
    }

    @Mutation(() => ServiceRecord, {
      name: names.updateRightsCase,
      description: `维权案件 — update a rights-protection case ${label} opened, until it is closed (a closed case is not changed: CONFLICT on input.id).`,
    })
    async updateRightsCase(@Arg('input', () => UpdateRightsCaseInput) input: UpdateRightsCaseInput, @Ctx() context: SubgraphContext): Promise<ServiceRecord> {
      context.access.requireDepartment(department, 'service records');
      return new ServiceRecordService(context.em, department).updateRightsCase(input, workerScope(context));
    }

    @Mutation(() => ServiceRecord, {
      name: names.withdraw,
      description: `作废 — withdraw a service record ${label} entered in error, with the reason. It stays in the department with who, when and why, and leaves the person's timeline. Twice: CONFLICT on input.id.`,
    })
    async withdrawService(@Arg('input', () => WithdrawServiceInput) input: WithdrawServiceInput, @Ctx() context: SubgraphContext): Promise<ServiceRecord> {
      context.access.requireDepartment(department, 'service records');
      return new ServiceRecordService(context.em, department).withdraw(input, context.identity.subject, workerScope(context));
    }
  }
  Object.defineProperty(DepartmentServiceRecordResolver, 'name', { value: `${department}ServiceRecordResolver` });
  return DepartmentServiceRecordResolver;
}

/**
 * The internal route (SubgraphModule.routes) of a department that holds postings, courses or
 * classes: which of up to 20 ids per kind it has. Reference data, no person: any staff identity
 * the gateway signed may ask (another department's mutation forwards its caller's).
 */
export function serviceReferencesRoute(references: ServiceReferences) {
  return {
    [SERVICE_REFERENCES_PATH]: async (context: SubgraphContext, body: unknown): Promise<ReferenceIds> => {
      const query = parseReferenceQuery(body);
      if (!query) throw new HttpError(400, 'postingIds, courseIds, classIds: up to 20 row ids each');
      return findReferences(context.em, references, query);
    },
  };
}
