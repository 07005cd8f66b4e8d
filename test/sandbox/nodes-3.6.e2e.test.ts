import { describeSandboxNodes } from './node-checks';

describeSandboxNodes('3.6', 1);
describeSandboxNodes('3.6', 3);
