import { callbackScheme } from './callback-data.ts';

/*
 * The movie night's buttons, in one leaf file: the night's message (drawn
 * in night-text.ts) carries them and the handlers in handlers/ answer
 * them, so neither imports the other. Ids only, well within 64 bytes.
 */

/** "I'm in" / "Can't make it" on the night's message: "mn:in:<nightId>", "mn:out:<nightId>" (as on Discord). */
export const nightRsvp = callbackScheme(
  /^mn:(in|out):(\d{1,12})$/,
  ({ going, nightId }: { going: boolean; nightId: number }) => `mn:${going ? 'in' : 'out'}:${nightId}`,
  (match) => ({ going: match[1] === 'in', nightId: Number(match[2]) }),
);

/** 👍/👎 on "how was it?": "mh:u:<nightId>", "mh:d:<nightId>" (as on Discord). */
export const nightRating = callbackScheme(
  /^mh:(u|d):(\d{1,12})$/,
  ({ value, nightId }: { value: 1 | -1; nightId: number }) => `mh:${value === 1 ? 'u' : 'd'}:${nightId}`,
  (match) => ({ value: (match[1] === 'u' ? 1 : -1) as 1 | -1, nightId: Number(match[2]) }),
);

/** One of /nominate's matches: "nm:<nightId>:<movieId>". */
export const nominatePick = callbackScheme(
  /^nm:(\d{1,12}):(\d{1,9})$/,
  ({ nightId, movieId }: { nightId: number; movieId: number }) => `nm:${nightId}:${movieId}`,
  (match) => ({ nightId: Number(match[1]), movieId: Number(match[2]) }),
);
