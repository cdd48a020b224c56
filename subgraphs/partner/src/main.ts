import './tracing';
import { loadSubgraphConfig, runSubgraphMain } from '@jiuye/common';
import { partnerSubgraph } from './index';

runSubgraphMain(partnerSubgraph, () => loadSubgraphConfig('partner'));
