import type { PlatformIdentity } from '../../core/index.ts';

/** At most this many members are named; the rest are counted. */
const NAMED = 20;

/** Who a group pick is for, each member written the platform's way (a Discord mention, a Telegram username). */
export function pickedFor(members: readonly PlatformIdentity[], name: (member: PlatformIdentity) => string): string {
  if (members.length === 0) return 'nobody here has favourites yet, so these are popular picks';
  const names = members.slice(0, NAMED).map(name);
  const rest = members.length > names.length ? ` and ${members.length - names.length} more` : '';
  return `picked for ${names.join(', ')}${rest}`;
}
