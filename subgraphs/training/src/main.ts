import './tracing';
import { loadSubgraphConfig, runSubgraphMain } from '@jiuye/common';
import { trainingSubgraph } from './index';

runSubgraphMain(trainingSubgraph, () => loadSubgraphConfig('training'));
