import type { DepartmentName, SubgraphModule, SubgraphName } from '@jiuye/common';
import { civilSubgraph } from '@jiuye/civil';
import { hrSubgraph } from '@jiuye/hr';
import { partnerSubgraph } from '@jiuye/partner';
import { povertySubgraph } from '@jiuye/poverty';
import { situationSubgraph } from '@jiuye/situation';
import { trainingSubgraph } from '@jiuye/training';
import type { DemoHousehold, DemoReference } from './demo';
import { civilSeeder } from './seed/civil';
import { hrSeeder } from './seed/hr';
import { partnerSeeder } from './seed/partner';
import { povertySeeder } from './seed/poverty';
import { trainingSeeder } from './seed/training';
import type { DepartmentSeeder } from './seeding';

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
