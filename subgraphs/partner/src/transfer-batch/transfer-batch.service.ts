import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, InputProblems, notFound } from '@jiuye/common';
import { LabourBase } from '../labour-base/labour-base.entity';
import { PartnerCity } from '../partner-city/partner-city.entity';
import { CITY_CODE_PATTERN, cleanText, DISTRICT_CODE_PATTERN, hasLength, requireCityCode, requireCityOrDistrict } from '../validation';
import { isRowId } from '@jiuye/common';
import { TransferBatch } from './transfer-batch.entity';
import type { CreateTransferBatchInput } from './transfer-batch.inputs';

/** DC-2026-03-001: county prefix, year and month of departure, sequence within the month. */
export const BATCH_NO_PATTERN = /^[A-Z]{2,6}-(\d{4})-(0[1-9]|1[0-2])-(\d{3})$/;

export class TransferBatchService {
  constructor(private readonly em: EntityManager) {}

  async create(input: CreateTransferBatchInput): Promise<TransferBatch> {
    const batchNo = input.batchNo.trim();
    const destination = cleanText(input.destination);
    const baseId = input.baseId == null ? null : input.baseId;
    const numbered = BATCH_NO_PATTERN.exec(batchNo);
    new InputProblems()
      .check(numbered !== null, 'input.batchNo', 'a batch number looks like DC-2026-03-001 (county prefix, year, month, 3-digit sequence)')
      .check(
        numbered === null || `${numbered[1]}-${numbered[2]}` === input.departedOn.slice(0, 7),
        'input.batchNo',
        `the year and month in the batch number must be those of the departure (${input.departedOn.slice(0, 7)})`,
      )
      .check(
        CITY_CODE_PATTERN.test(input.cityCode) || (DISTRICT_CODE_PATTERN.test(input.cityCode) && !input.cityCode.endsWith('00')),
        'input.cityCode',
        'a partner city is identified by its 4-digit city code, or a 6-digit district inside it',
      )
      .check(hasLength(destination, 2, 100), 'input.destination', 'give a destination of 2 to 100 characters')
      .check(baseId === null || isRowId(baseId), 'input.baseId', 'not a labour base id')
      .throwIfAny();
    const place = requireCityOrDistrict(input.cityCode, 'input.cityCode');
    return this.em.transactional(async (em) => {
      const city = await em.findOne(PartnerCity, { code: place.city });
      if (!city) throw notFound('partner city', 'input.cityCode');
      if (input.departedOn < city.pairedSince) {
        throw badInput('input.departedOn', `must not be before the pairing with this city began (${city.pairedSince})`);
      }
      if (baseId !== null) {
        const base = await em.findOne(LabourBase, { id: Number(baseId) });
        if (!base) throw notFound('labour base', 'input.baseId');
        if (base.cityCode !== city.code) throw badInput('input.baseId', 'the labour base belongs to another partner city');
        if (base.closedOn !== null && base.closedOn <= input.departedOn) throw badInput('input.baseId', `the labour base was closed on ${base.closedOn}`);
      }
      if (await em.count(TransferBatch, { batchNo })) throw conflict('input.batchNo', 'a batch with this number already exists');
      const batch = em.create(TransferBatch, {
        batchNo,
        cityCode: city.code,
        destinationDistrict: place.district,
        departedOn: input.departedOn,
        destination: destination!,
        baseId: baseId === null ? null : Number(baseId),
      });
      try {
        await em.flush();
      } catch (error) {
        // Another clerk registered the same number between our check and our insert.
        if (error instanceof UniqueConstraintViolationException) throw conflict('input.batchNo', 'a batch with this number already exists');
        throw error;
      }
      return batch;
    });
  }

  /** Batches are tens per city and year: a plain list, latest departure first. */
  list(cityCode?: string | null): Promise<TransferBatch[]> {
    if (cityCode != null) requireCityCode(cityCode, 'cityCode');
    return this.em.find(TransferBatch, cityCode != null ? { cityCode } : {}, { orderBy: { departedOn: 'desc', id: 'desc' } });
  }
}
