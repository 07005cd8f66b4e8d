import { describeSandboxNodes } from './node-checks';

describeSandboxNodes('3.5', 1);
describeSandboxNodes('3.5', 3);
