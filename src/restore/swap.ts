import { move } from './node-ops';
import { eachMember, type SwapContext } from './swap-context';

/** The swap step: the old data dir moves aside (swap mode; new-dir mode keeps it where it is), the staged dir into its final place. */
export async function swapData(context: SwapContext): Promise<void> {
  await eachMember(context, async (session, m) => {
    if (m.aside) await move(session, m.dataHostPath, m.aside);
    await move(session, m.staging, m.target);
  });
}
