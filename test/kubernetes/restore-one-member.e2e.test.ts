import { realClusterCase } from './real-cluster';
import { restoreThroughRealKubernetes } from './restore-scenario';

realClusterCase(1, 'stopped', (ctx) => restoreThroughRealKubernetes(ctx));
realClusterCase(1, 'kept running', (ctx) => restoreThroughRealKubernetes(ctx));
