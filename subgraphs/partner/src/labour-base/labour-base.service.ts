import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict, InputProblems, isRowId, notFound, parseRowId, todayInChina, refuseClearing } from '@jiuye/common';
import type { CityScope } from '../access';
import { PartnerCity } from '../partner-city/partner-city.entity';
import { cleanText, hasLength, requireCityCode } from '../validation';
import { LabourBase } from './labour-base.entity';
import type { CloseLabourBaseInput, CreateLabourBaseInput, UpdateLabourBaseInput } from './labour-base.inputs';

const NAME_TAKEN = 'the city already has an open base or station of this name';

export class LabourBaseService {
  constructor(private readonly em: EntityManager) {}

  /** Bases are reference rows (tens per city): no pagination. Closed ones only when asked for. */
  list(cityCode?: string | null, includeClosed = false): Promise<LabourBase[]> {
    if (cityCode != null) requireCityCode(cityCode, 'cityCode');
    const where: Record<string, unknown> = cityCode != null ? { cityCode } : {};
    if (!includeClosed) where.closedOn = null;
    return this.em.find(LabourBase, where, { orderBy: { cityCode: 'asc', id: 'asc' } });
  }

  /** One base by id, or null when there is none or it is another city's than the reader's (city: null for any). */
  async get(id: string, city: string | null): Promise<LabourBase | null> {
    const key = parseRowId(id);
    const base = key === null ? null : await this.em.findOne(LabourBase, { id: key });
    return base && (city === null || base.cityCode === city) ? base : null;
  }

  async create(input: CreateLabourBaseInput, cityCode: string | null): Promise<LabourBase> {
    const name = cleanText(input.name);
    const address = cleanText(input.address);
    new InputProblems()
      .check(cityCode !== null, 'input.cityCode', 'name the partner city (4-digit city code)')
      .check(hasLength(name, 2, 100), 'input.name', 'give a name of 2 to 100 characters')
      .check(hasLength(address, 2, 200), 'input.address', 'give an address of 2 to 200 characters')
      .throwIfAny();
    requireCityCode(cityCode!, 'input.cityCode');
    return this.em.transactional(async (em) => {
      // The city row is locked so that two clerks naming the same new base cannot both pass the check.
      const city = await em.findOne(PartnerCity, { code: cityCode! }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!city) throw notFound('partner city', 'input.cityCode');
      if (await em.count(LabourBase, { cityCode: city.code, name: name!, closedOn: null })) throw conflict('input.name', NAME_TAKEN);
      const base = em.create(LabourBase, { cityCode: city.code, name: name!, kind: input.kind, address: address! });
      await em.flush();
      return base;
    });
  }

  async update(input: UpdateLabourBaseInput, inScope: CityScope): Promise<LabourBase> {
    const name = input.name == null ? null : cleanText(input.name);
    const address = input.address == null ? null : cleanText(input.address);
    const problems = new InputProblems()
      .check(isRowId(input.id), 'input.id', 'not a labour base id')
      .check(input.name == null || hasLength(name, 2, 100), 'input.name', 'give a name of 2 to 100 characters')
      .check(input.address == null || hasLength(address, 2, 200), 'input.address', 'give an address of 2 to 200 characters');
    refuseClearing(problems, input, ['name', 'kind', 'address']);
    problems.throwIfAny();
    return this.em.transactional(async (em) => {
      const base = await this.lockInScope(em, input.id, inScope);
      if (base.closedOn !== null) throw conflict('input.id', `the base was closed on ${base.closedOn}; a closed base is not changed`);
      if (name !== null && name !== base.name) {
        await em.findOne(PartnerCity, { code: base.cityCode }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (await em.count(LabourBase, { cityCode: base.cityCode, name, closedOn: null, id: { $ne: base.id } })) throw conflict('input.name', NAME_TAKEN);
        base.name = name;
      }
      if (input.kind != null) base.kind = input.kind;
      if (address !== null) base.address = address;
      await em.flush();
      return base;
    });
  }

  async close(input: CloseLabourBaseInput, inScope: CityScope): Promise<LabourBase> {
    const reason = cleanText(input.reason);
    new InputProblems()
      .check(isRowId(input.id), 'input.id', 'not a labour base id')
      .check(input.closedOn <= todayInChina(), 'input.closedOn', 'must not be in the future')
      .check(hasLength(reason, 2, 200), 'input.reason', 'give a reason of 2 to 200 characters')
      .throwIfAny();
    return this.em.transactional(async (em) => {
      const base = await this.lockInScope(em, input.id, inScope);
      if (base.closedOn !== null) throw conflict('input.id', `the base was already closed on ${base.closedOn}`);
      base.closedOn = input.closedOn;
      base.closeReason = reason;
      await em.flush();
      return base;
    });
  }

  /** The base, locked; NOT_FOUND on input.id when missing or another city's (one answer for both). */
  private async lockInScope(em: EntityManager, id: string, inScope: CityScope): Promise<LabourBase> {
    const base = await em.findOne(LabourBase, { id: Number(id) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!base || !inScope(base.cityCode)) throw notFound('labour base', 'input.id');
    return base;
  }
}
