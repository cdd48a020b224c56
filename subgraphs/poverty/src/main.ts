import './tracing';
import { loadSubgraphConfig, runSubgraphMain } from '@jiuye/common';
import { povertySubgraph } from './index';

runSubgraphMain(povertySubgraph, () => loadSubgraphConfig('poverty'));
