import { runAction } from '../run';
import { run } from './main';

await runAction(run);
