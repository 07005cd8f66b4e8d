import { realClusterCase } from './real-cluster';
import { restoreThroughRealKubernetes } from './restore-scenario';

realClusterCase(1, (ctx) => restoreThroughRealKubernetes(ctx));
