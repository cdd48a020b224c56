import './tracing';
import { loadSituationConfig, runSubgraphMain } from '@jiuye/common';
import { situationSubgraph } from './index';

runSubgraphMain(situationSubgraph, () => loadSituationConfig());
