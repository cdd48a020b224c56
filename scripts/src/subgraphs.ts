import type { DemoHousehold, DemoReference, DepartmentSeeder, SubgraphModule, SubgraphName } from '@jiuye/common';
import { civilSeeder, civilSubgraph } from '@jiuye/civil';
import { hrSeeder, hrSubgraph } from '@jiuye/hr';
import { partnerSeeder, partnerSubgraph } from '@jiuye/partner';
import { povertySeeder, povertySubgraph } from '@jiuye/poverty';
import { trainingSeeder, trainingSubgraph } from '@jiuye/training';

/** The five departments, in the order they are started and seeded. */
export const SUBGRAPH_MODULES: Record<SubgraphName, SubgraphModule<any>> = {
  hr: hrSubgraph,
  poverty: povertySubgraph,
  civil: civilSubgraph,
  training: trainingSubgraph,
  partner: partnerSubgraph,
};

export const SEEDERS: Record<SubgraphName, DepartmentSeeder<DemoReference, DemoHousehold>> = {
  hr: hrSeeder,
  poverty: povertySeeder,
  civil: civilSeeder,
  training: trainingSeeder,
  partner: partnerSeeder,
};
