import type { DemoHousehold, DemoReference, DepartmentName, DepartmentSeeder, SubgraphModule, SubgraphName } from '@jiuye/common';
import { civilSeeder, civilSubgraph } from '@jiuye/civil';
import { hrSeeder, hrSubgraph } from '@jiuye/hr';
import { partnerSeeder, partnerSubgraph } from '@jiuye/partner';
import { povertySeeder, povertySubgraph } from '@jiuye/poverty';
import { situationSubgraph } from '@jiuye/situation';
import { trainingSeeder, trainingSubgraph } from '@jiuye/training';

/** The five departments, in the order they are started and seeded, and the situation read model. */
export const SUBGRAPH_MODULES: Record<SubgraphName, SubgraphModule<any>> = {
  hr: hrSubgraph,
  poverty: povertySubgraph,
  civil: civilSubgraph,
  training: trainingSubgraph,
  partner: partnerSubgraph,
  situation: situationSubgraph,
};

export const SEEDERS: Record<DepartmentName, DepartmentSeeder<DemoReference, DemoHousehold>> = {
  hr: hrSeeder,
  poverty: povertySeeder,
  civil: civilSeeder,
  training: trainingSeeder,
  partner: partnerSeeder,
};
