import {
  addDays,
  badInput,
  codedError,
  forbidden,
  isValidIdNumber,
  notFound,
  parseRowId,
  todayInChina,
  workerPseudonym,
  type AccessRules,
  type LocalAuthority,
  type Page,
  type Subject,
} from '@jiuye/common';
import type { GraphQLError } from 'graphql';
import type { ContactAttempt } from './contact-attempt/contact-attempt.entity';
import type { PartnerContext } from './context';
import type { FollowUpVisit } from './follow-up/follow-up.entity';
import type { PartnerLoaders } from './loaders';
import type { PhoneReveal } from './phone-reveal/phone-reveal.type';
import type { Transfer } from './transfer/transfer.entity';
import { requireCityOrDistrict, type CityPlace } from './validation';

/**
 * Who may see what of the partner cities' records. Every type below describes a person; the
 * rules apply at each of its fields and at entity resolution (common/src/auth/guard.ts).
 *
 * A transfer, and the follow-up visits and contact attempts of a transfer, belong to the worker
 * and to the city of the transfer: partner-city staff see their own city's, region staff (any
 * department, the county's 东西部协作 office included) those of workers living in their region
 * (hr decides by worker id). A Worker reached as {id} is placed by the authority of the
 * caller's kind: for partner-city staff, this department (the transfers, below).
 *
 * Partner-city staff see no ID number (there is none here) and only masked phones; whether the
 * one-way fare was reimbursed (一次性交通补助) is a subsidy detail, for department staff only.
 */
export const partnerAccess: AccessRules = {
  subjects: {
    ServiceRecord: (record: { workerId: string }): Subject => ({ workerId: record.workerId }),
    Worker: (worker: { id: string }): Subject => ({ workerId: worker.id }),
    Transfer: (transfer: Transfer): Subject => transferSubject(transfer),
    FollowUpVisit: (visit: FollowUpVisit): Subject => ({ workerId: visit.workerId ?? null, partnerCity: visit.cityCode ?? null }),
    ContactAttempt: (attempt: ContactAttempt): Subject => ({ workerId: attempt.workerId, partnerCity: attempt.cityCode ?? null }),
    // A revealed phone: the worker, of the city whose transfer holds the number (logged field by field).
    PhoneReveal: (reveal: PhoneReveal): Subject => ({ workerId: reveal.workerId, partnerCity: reveal.cityCode }),
  },
  fields: {
    'Transfer.fareReimbursed': 'welfare',
  },
};

export function transferSubject(transfer: Pick<Transfer, 'workerId' | 'cityCode'>): Subject {
  return { workerId: transfer.workerId, partnerCity: transfer.cityCode };
}

/** A worker stays visible to the partner city this many days after their last transfer there ended. */
export const PARTNER_CITY_FOLLOW_UP_DAYS = 183;

/**
 * The partner cities place transferred workers: partner-city staff see a worker while the worker
 * holds a transfer to their city, and for 183 days after it ended (the follow-up period). One
 * statement per batch of workers, through the request's transfersByWorker loader, so the
 * Worker fields that follow read the same rows without asking again.
 */
export const partnerAuthority: LocalAuthority<PartnerLoaders> = {
  kind: 'partner-city',
  async visibleWorkers({ loaders }, identity, workerIds) {
    const since = addDays(todayInChina(), -PARTNER_CITY_FOLLOW_UP_DAYS);
    const transfers = await loaders.transfersByWorker.loadMany([...workerIds]);
    const visible = new Set<string>();
    for (const list of transfers) {
      if (list instanceof Error) throw list;
      for (const transfer of list) {
        // Only a transfer the county confirmed places the worker (hole 7): a city's own pending claim does not.
        if (transfer.cityCode === identity.partnerCity && transfer.confirmation === 'CONFIRMED' && (transfer.endedOn === null || transfer.endedOn >= since)) {
          visible.add(transfer.workerId);
        }
      }
    }
    return visible;
  },
};

/**
 * The partner city a list or a figure is read for. Partner-city staff read their own city's
 * only: the argument omitted means their city, another city is FORBIDDEN naming the argument.
 * Everybody else reads any city (null: all of them), except auditors, who read the access log.
 */
export function scopeCity(context: PartnerContext, requested: string | null | undefined, argument = 'cityCode'): string | null {
  const { access, identity } = context;
  if (identity.department === 'auditor') throw forbidden('auditor accounts read the access log, not the records', 'auditor-log-only');
  // A 6-digit district names its city: scope stays by the 4-digit city.
  const city = requested == null ? null : requireCityOrDistrict(requested, argument).city;
  if (access.kind !== 'partner-city') return city;
  const own = identity.partnerCity!;
  if (city == null || city === own) return own;
  throw forbidden(`${argument}: ${requested} is not your partner city ${own}`, 'outside-city');
}

/** Nested person lists under a partner city (its transfers): person-level, and only the caller's own city for partner-city staff. */
export function requireCityRecords(context: PartnerContext, cityCode: string, what: string): void {
  context.access.requirePersonAccess();
  if (context.access.kind === 'partner-city' && cityCode !== context.identity.partnerCity) {
    throw forbidden(`${what}: ${cityCode} is not your partner city ${context.identity.partnerCity}`, 'outside-city');
  }
}

/** A list of transfers, visits or attempts reached from a parent: person-level, only the rows the caller may see. */
export function visibleRows<T>(context: PartnerContext, rows: readonly T[], subjectOf: (row: T) => Subject): Promise<T[]> {
  return context.access.filterVisible(rows, subjectOf);
}

export function visibleTransfers(context: PartnerContext, transfers: readonly Transfer[]): Promise<Transfer[]> {
  return visibleRows(context, transfers, transferSubject);
}

/**
 * A page of transfers with the rows the caller may not see left out (region staff: workers of
 * other regions). totalCount stays the count of the whole filter: a figure, not a person.
 */
export async function visibleTransferPage(context: PartnerContext, page: Page<Transfer>): Promise<Page<Transfer>> {
  return { ...page, nodes: await visibleTransfers(context, page.nodes) };
}

/**
 * Whether the caller may write about a transfer the service has loaded (null: no such row).
 * One answer for "no such transfer" and "a transfer outside your scope" — the service's
 * NOT_FOUND, at the same point of its checks — after the same work: a missing row is checked
 * like a row of nobody (NO_WORKER in no city), so region staff ask hr on both paths.
 */
export type TransferScope = (transfer: Pick<Transfer, 'workerId' | 'cityCode'> | null) => Promise<boolean>;

/** No worker has this id (pseudonyms are `w` and base64url), no city this code. */
const NO_WORKER = 'w-none';
const NO_CITY = '0000';

/**
 * Before a partner write about an existing transfer: the caller is partner staff with a purpose;
 * the returned scope is asked by the service where it loads the transfer (partner-city staff:
 * their city; the county office: a worker of their region).
 */
export function authorizeTransferWrite(context: PartnerContext, what: string): TransferScope {
  context.access.requireDepartment('partner', what);
  return async (transfer) => {
    const visible = await context.access.canSee(transferSubject(transfer ?? { workerId: NO_WORKER, cityCode: NO_CITY }));
    return transfer !== null && visible;
  };
}

/** NOT_FOUND on the field when the transfer is missing or outside the scope (see TransferScope). */
export async function requireTransferInScope<T extends Pick<Transfer, 'workerId' | 'cityCode'>>(
  transfer: T | null,
  inScope: TransferScope,
  field = 'input.transferId',
): Promise<T> {
  if (!(await inScope(transfer)) || !transfer) throw notFound('transfer', field);
  return transfer;
}

/**
 * recordTransfer for a worker who already holds an open transfer: the caller learns that only
 * when they may see that transfer. A partner city asking about a worker whose open transfer is
 * another city's gets this answer instead, which names neither the transfer nor its city: the
 * county office (which sees every transfer of its workers) records it. It is also the answer
 * for a city recording a worker it may not vouch for (hole 7's county evidence), so that
 * "open transfer elsewhere" is not an outcome of its own.
 */
export function transferNeedsCountyOffice(): GraphQLError {
  return codedError('input.idNumber: your city cannot record this transfer; the county office (县级东西部协作办) records it', 'CONFLICT', {
    field: 'input.idNumber',
    reason: 'COUNTY_OFFICE_RECORDS',
  });
}

/**
 * Before recordTransfer: partner staff with a purpose; partner-city staff record transfers to
 * their own city (the batch's), the county office transfers of workers living in its region.
 * A malformed batch id or ID number, or an unknown batch, is left to the service.
 *
 * Returns whether the new transfer is confirmed (hole 7): the county office's always (it sees
 * the worker); a partner city's only when the city already sees the worker through a confirmed
 * transfer — otherwise it is a pending claim, and the city's answer is the same whether the ID
 * number is known, unknown or someone else's.
 */
export async function authorizeNewTransfer(context: PartnerContext, batchId: string, idNumber: string, what: string): Promise<boolean> {
  const { access } = context;
  access.requireDepartment('partner', what);
  if (access.kind === 'partner-city') {
    const id = parseRowId(batchId);
    const [batch] = id === null ? [] : await context.em.getConnection().execute<{ city_code: string }[]>('select city_code from transfer_batch where id = ?', [id]);
    if (batch) await access.requireInScope({ partnerCity: batch.city_code }, what);
    return isValidIdNumber(idNumber) && (await access.canSee({ workerId: workerPseudonym(idNumber, context.config.pseudonymKey) }));
  }
  if (isValidIdNumber(idNumber)) await access.requireInScope({ workerId: workerPseudonym(idNumber, context.config.pseudonymKey) }, what);
  return true;
}

/**
 * Before recordSelfOrganisedTransfer (自发外出, no batch): as authorizeNewTransfer, the city named
 * instead of the batch. Partner-city staff record for their own city (input.cityCode omitted, or
 * their city or a district of it; another city is FORBIDDEN naming input.cityCode); the county
 * office names the city and records workers of its region. A malformed code or ID number is
 * answered here or by the service, naming the field. Returns the city (and district) and
 * whether the new transfer is confirmed (hole 7, the same rule as a batch transfer).
 */
export async function authorizeSelfOrganisedTransfer(
  context: PartnerContext,
  cityCode: string | null | undefined,
  idNumber: string,
  what: string,
): Promise<{ place: CityPlace; confirmed: boolean }> {
  const { access, identity } = context;
  access.requireDepartment('partner', what);
  if (access.kind === 'partner-city') {
    const place = cityCode == null ? { city: identity.partnerCity!, district: null } : requireCityOrDistrict(cityCode, 'input.cityCode');
    if (place.city !== identity.partnerCity) throw forbidden(`input.cityCode: ${cityCode} is not your partner city ${identity.partnerCity}`, 'outside-city');
    return { place, confirmed: isValidIdNumber(idNumber) && (await access.canSee({ workerId: workerPseudonym(idNumber, context.config.pseudonymKey) })) };
  }
  if (cityCode == null) throw badInput('input.cityCode', 'name the partner city (4 digits) or its district (6 digits)', 'DIVISION_CODE');
  const place = requireCityOrDistrict(cityCode, 'input.cityCode');
  if (isValidIdNumber(idNumber)) await access.requireInScope({ workerId: workerPseudonym(idNumber, context.config.pseudonymKey) }, what);
  return { place, confirmed: true };
}

/** Before createTransferBatch: partner staff; partner-city staff only for their own city. */
export function authorizeBatchWrite(context: PartnerContext, cityCode: string, what: string): void {
  const { access, identity } = context;
  access.requireDepartment('partner', what);
  if (access.kind === 'partner-city' && /^\d{4}(\d{2})?$/.test(cityCode) && cityCode.slice(0, 4) !== identity.partnerCity) {
    throw forbidden(`input.cityCode: ${cityCode} is not your partner city ${identity.partnerCity}`, 'outside-city');
  }
}

/**
 * Whether a reference row of a city (a base, a station, a pushed posting) lies within the
 * writer's scope. The service asks it where it loads the row; a row outside the scope is
 * answered like a missing one (NOT_FOUND on the id), the same work on both paths.
 */
export type CityScope = (cityCode: string) => boolean;

/**
 * Before a write of a labour base or service station: partner staff with a purpose; partner-city
 * staff for their own city only (input.cityCode, when given, must be theirs), the county office
 * (region staff of partner, 县级东西部协作办) for any partner city, since the county sets up
 * many of the stations itself. Returns the city a new row goes to (null: input.cityCode, still
 * to be checked) and the scope for existing rows.
 */
export function authorizeBaseWrite(context: PartnerContext, cityCode: string | null | undefined, what: string): { city: string | null; inScope: CityScope } {
  const { access, identity } = context;
  access.requireDepartment('partner', what);
  if (access.kind !== 'partner-city') return { city: cityCode ?? null, inScope: () => true };
  return { city: ownCity(context, cityCode), inScope: (code) => code === identity.partnerCity };
}

/**
 * Before a write of a pushed posting (岗位推送): the partner city posts its own jobs, so only
 * partner-city staff write them, for their own city; the county office reads them but does not
 * post for a city.
 */
export function authorizePostingWrite(context: PartnerContext, cityCode: string | null | undefined, what: string): { city: string; inScope: CityScope } {
  const { access, identity } = context;
  access.requireDepartment('partner', what);
  if (access.kind !== 'partner-city') throw forbidden(`${what}: a partner city posts its own jobs; its own staff write them`, 'city-posts-own-jobs');
  return { city: ownCity(context, cityCode), inScope: (code) => code === identity.partnerCity };
}

function ownCity(context: PartnerContext, cityCode: string | null | undefined): string {
  const own = context.identity.partnerCity!;
  if (cityCode != null && cityCode !== own) throw forbidden(`input.cityCode: ${cityCode} is not your partner city ${own}`, 'outside-city');
  return own;
}
