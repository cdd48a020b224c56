import type { SubgraphContext } from '@jiuye/common';
import type { TrainingLoaders } from './loaders';

export type TrainingContext = SubgraphContext<TrainingLoaders>;
