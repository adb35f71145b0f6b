export { linkCode } from './link-code.ts';
export { redeemLink, type LinkedPeople } from './redeem-link.ts';
export { unlink } from './unlink.ts';
export type { LinkDeps } from './link-deps.ts';
