import { forgetUser } from '../../../core/index.ts';
import { identityOf } from '../discord-context.ts';
import type { ButtonHandler } from '../interaction.ts';

const ID = 'x:forget';

/** "Delete everything" under /forget's question: the click does the deleting. */
export const forgetConfirmButton: ButtonHandler<object> = {
  prefix: ID,
  id: () => ID,
  parse: (customId) => (customId === ID ? {} : null),
  async run(i, d) {
    const existed = await forgetUser(d.deps, identityOf(i));
    await i.update({ content: existed ? 'Done: everything about you is deleted.' : 'There was nothing to delete.', components: [] });
  },
};
