import { realClusterCase } from './real-cluster';
import { restoreThroughRealKubernetes } from './restore-scenario';

// Stacked HA: every node runs its own API server and controller-manager on its own etcd member.
realClusterCase(3, 'stopped', (ctx) => restoreThroughRealKubernetes(ctx));
realClusterCase(3, 'kept running', (ctx) => restoreThroughRealKubernetes(ctx));
