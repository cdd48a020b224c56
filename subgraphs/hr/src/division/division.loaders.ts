import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader, oneLoader } from '@jiuye/common';
import { DivisionRecord } from './division.entity';

export function createDivisionLoaders(em: EntityManager) {
  /** code → catalogue entry; one query per batch of codes. */
  const divisionByCode = oneLoader<string, DivisionRecord>(
    (codes) => em.find(DivisionRecord, { code: { $in: [...codes] } }),
    (division) => division.code,
  );
  return {
    divisionByCode,
    /** parent code → its children in code order (primes divisionByCode, so their names cost nothing). */
    childrenByParent: manyLoader<string, DivisionRecord>(
      async (codes) => {
        const rows = await em.find(DivisionRecord, { parentCode: { $in: [...codes] } }, { orderBy: { code: 'asc' } });
        for (const row of rows) divisionByCode.prime(row.code, row);
        return rows;
      },
      (division) => division.parentCode as string,
    ),
  };
}
