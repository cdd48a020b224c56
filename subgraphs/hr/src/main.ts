import './tracing';
import { loadSubgraphConfig, runSubgraphMain } from '@jiuye/common';
import { hrSubgraph } from './index';

runSubgraphMain(hrSubgraph, () => loadSubgraphConfig('hr'));
