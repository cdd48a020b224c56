import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  badInput,
  checkPageSize,
  conflict,
  decodeIdCursor,
  forbidden,
  InputProblems,
  isValidDivisionCode,
  notFound,
  type Page,
  parseRowId,
  toPage,
  todayInChina,
  refuseClearing,
} from '@jiuye/common';
import { ResponsibleUnit, UnitPairing } from '../cadre/cadre.entity';
import { checkVillage, cleanText, hasLength, requireOpenUnit, requireVillageInRegion } from '../cadre/cadre.service';
import { checkPositiveId } from '../household/household.service';
import { HouseholdResponsibility } from '../responsibility/responsibility.entity';
import type { CloseResponsibleUnitInput, CreateResponsibleUnitInput, EndUnitPairingInput, PairUnitWithVillageInput, UpdateResponsibleUnitInput } from './unit.inputs';

const NAME_TAKEN = 'the region already has an open unit of this name';

export class ResponsibleUnitService {
  constructor(private readonly em: EntityManager) {}

  /** Units are organisations (not people): every account reads them, by id; closed ones when asked. */
  async list(args: { includeClosed?: boolean | null; first: number; after?: string | null }): Promise<Page<ResponsibleUnit>> {
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const where: Record<string, unknown> = args.includeClosed ? {} : { closedOn: null };
    const [rows, totalCount] = await Promise.all([
      this.em.find(ResponsibleUnit, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(ResponsibleUnit, where),
    ]);
    return toPage(rows, first, totalCount, (unit) => unit.id);
  }

  async get(id: string): Promise<ResponsibleUnit | null> {
    const key = parseRowId(id);
    return key === null ? null : this.em.findOne(ResponsibleUnit, key);
  }

  async create(input: CreateResponsibleUnitInput, region: string): Promise<ResponsibleUnit> {
    const name = cleanText(input.name);
    const regionCode = input.regionCode ?? region;
    new InputProblems()
      .check(hasLength(name, 2, 100), 'input.name', 'give a name of 2 to 100 characters')
      .check(isValidDivisionCode(regionCode), 'input.regionCode', 'a division code has 2, 4, 6, 9 or 12 digits')
      .throwIfAny();
    if (!regionCode.startsWith(region)) throw forbidden(`input.regionCode: ${regionCode} lies outside your region ${region}`, 'outside-region');
    return this.em.transactional(async (em) => {
      // Serialise unit creation per region, so that two clerks cannot both add the same name.
      await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [`responsible_unit:${regionCode}`]);
      if (await em.count(ResponsibleUnit, { regionCode, name: name!, closedOn: null })) throw conflict('input.name', NAME_TAKEN);
      const unit = em.create(ResponsibleUnit, { name: name!, kind: input.kind, regionCode });
      await em.flush();
      return unit;
    });
  }

  async update(input: UpdateResponsibleUnitInput, region: string): Promise<ResponsibleUnit> {
    const name = input.name == null ? null : cleanText(input.name);
    const problems = new InputProblems().check(input.name == null || hasLength(name, 2, 100), 'input.name', 'give a name of 2 to 100 characters');
    refuseClearing(problems, input, ['name', 'kind']);
    const id = checkPositiveId(problems, input.id, 'input.id');
    problems.throwIfAny();
    return this.em.transactional(async (em) => {
      const unit = await lockInRegion(em, id, region);
      if (unit.closedOn !== null) throw conflict('input.id', `the unit was closed on ${unit.closedOn}; a closed unit is not changed`);
      if (name !== null && name !== unit.name) {
        await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [`responsible_unit:${unit.regionCode}`]);
        if (await em.count(ResponsibleUnit, { regionCode: unit.regionCode, name, closedOn: null, id: { $ne: unit.id } })) throw conflict('input.name', NAME_TAKEN);
        unit.name = name;
      }
      if (input.kind != null) unit.kind = input.kind;
      await em.flush();
      return unit;
    });
  }

  async close(input: CloseResponsibleUnitInput, region: string): Promise<ResponsibleUnit> {
    const reason = cleanText(input.reason);
    const problems = new InputProblems()
      .check(input.closedOn <= todayInChina(), 'input.closedOn', 'must not be in the future')
      .check(hasLength(reason, 2, 200), 'input.reason', 'give a reason of 2 to 200 characters');
    const id = checkPositiveId(problems, input.id, 'input.id');
    problems.throwIfAny();
    return this.em.transactional(async (em) => {
      const unit = await lockInRegion(em, id, region);
      if (unit.closedOn !== null) throw conflict('input.id', `the unit was already closed on ${unit.closedOn}`);
      const pairings = await em.count(UnitPairing, { unitId: unit.id, until: null });
      if (pairings > 0) throw conflict('input.id', `the unit is still paired with ${pairings} villages; end the pairings (endUnitPairing) first`);
      const households = await em.count(HouseholdResponsibility, { unitId: unit.id, until: null });
      if (households > 0) throw conflict('input.id', `the unit still answers for ${households} households; hand them to cadres of another unit (assignResponsibility) first`);
      unit.closedOn = input.closedOn;
      unit.closeReason = reason;
      await em.flush();
      return unit;
    });
  }

  async pair(input: PairUnitWithVillageInput, region: string): Promise<UnitPairing> {
    const problems = new InputProblems().check(input.since <= todayInChina(), 'input.since', 'must not be in the future');
    const unitId = checkPositiveId(problems, input.unitId, 'input.unitId');
    checkVillage(problems, input.villageCode, 'input.villageCode');
    problems.throwIfAny();
    requireVillageInRegion(input.villageCode, region, 'input.villageCode');
    return this.em.transactional(async (em) => {
      const unit = await requireOpenUnit(em, unitId);
      await em.findOne(ResponsibleUnit, unit.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const open = await em.findOne(UnitPairing, { unitId: unit.id, villageCode: input.villageCode, until: null });
      if (open) throw conflict('input.villageCode', `the unit is paired with this village already (since ${open.since})`);
      const pairing = em.create(UnitPairing, { unitId: unit.id, villageCode: input.villageCode, since: input.since });
      await em.flush();
      return pairing;
    });
  }

  async endPairing(input: EndUnitPairingInput, region: string): Promise<UnitPairing> {
    const reason = cleanText(input.reason);
    const problems = new InputProblems()
      .check(input.until <= todayInChina(), 'input.until', 'must not be in the future')
      .check(hasLength(reason, 2, 200), 'input.reason', 'give a reason of 2 to 200 characters');
    const id = checkPositiveId(problems, input.pairingId, 'input.pairingId');
    problems.throwIfAny();
    return this.em.transactional(async (em) => {
      const pairing = await em.findOne(UnitPairing, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!pairing || !pairing.villageCode.startsWith(region)) throw notFound('unit pairing', 'input.pairingId');
      if (pairing.until !== null) throw conflict('input.pairingId', `the pairing already ended on ${pairing.until}`);
      if (input.until < pairing.since) throw badInput('input.until', `must not be before the pairing began (${pairing.since})`);
      pairing.until = input.until;
      pairing.endReason = reason;
      await em.flush();
      return pairing;
    });
  }
}

/** The unit, locked, when the region keeps it; NOT_FOUND on input.id otherwise (missing or another region's). */
async function lockInRegion(em: EntityManager, id: number, region: string): Promise<ResponsibleUnit> {
  const unit = await em.findOne(ResponsibleUnit, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!unit || unit.regionCode === null || !unit.regionCode.startsWith(region)) throw notFound('responsible unit', 'input.id');
  return unit;
}
