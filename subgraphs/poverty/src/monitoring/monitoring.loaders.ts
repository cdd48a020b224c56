import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader } from '@jiuye/common';
import { MonitoringCase, MonitoringMeasure, MonitoringTransition } from './monitoring.entity';

export function createMonitoringLoaders(em: EntityManager) {
  return {
    /** household code → its monitoring cases, newest first; one query per batch of households. */
    monitoringCasesByHousehold: manyLoader<string, MonitoringCase>(
      (codes) => em.find(MonitoringCase, { householdCode: { $in: [...codes] } }, { orderBy: { id: 'desc' } }),
      (record) => record.householdCode,
    ),
    /** case id → its steps, oldest first. */
    transitionsByCase: manyLoader<number, MonitoringTransition>(
      (ids) => em.find(MonitoringTransition, { caseId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
      (transition) => transition.caseId,
    ),
    /** case id → its assistance measures, by date. */
    measuresByCase: manyLoader<number, MonitoringMeasure>(
      (ids) => em.find(MonitoringMeasure, { caseId: { $in: [...ids] } }, { orderBy: { takenOn: 'asc', id: 'asc' } }),
      (measure) => measure.caseId,
    ),
  };
}
