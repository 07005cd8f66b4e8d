import { describeSandboxNodes } from './node-checks';

describeSandboxNodes('3.7', 1);
describeSandboxNodes('3.7', 3);
