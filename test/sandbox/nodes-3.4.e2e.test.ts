import { describeSandboxNodes } from './node-checks';

describeSandboxNodes('3.4', 1);
describeSandboxNodes('3.4', 3);
