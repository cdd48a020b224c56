import './tracing';
import { loadSubgraphConfig, runSubgraphMain } from '@jiuye/common';
import { civilSubgraph } from './index';

runSubgraphMain(civilSubgraph, () => loadSubgraphConfig('civil'));
