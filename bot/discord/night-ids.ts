/**
 * The custom ids of a movie night's buttons (Discord allows 100 characters;
 * these hold ids only): "mn:in:<night>" / "mn:out:<night>" (RSVP),
 * "mv:<night>:<movie>" (a vote), "mh:u:<night>" / "mh:d:<night>" ("how was
 * it?"). The message writes them, the buttons read them back; here so that
 * neither imports the other.
 */
export const rsvpId = ({ going, nightId }: { going: boolean; nightId: number }) => `mn:${going ? 'in' : 'out'}:${nightId}`;

export function parseRsvpId(customId: string): { going: boolean; nightId: number } | null {
  const match = /^mn:(in|out):(\d{1,12})$/.exec(customId);
  return match ? { going: match[1] === 'in', nightId: Number(match[2]) } : null;
}

export const voteId = ({ nightId, movieId }: { nightId: number; movieId: number }) => `mv:${nightId}:${movieId}`;

export function parseVoteId(customId: string): { nightId: number; movieId: number } | null {
  const match = /^mv:(\d{1,12}):(\d{1,9})$/.exec(customId);
  return match ? { nightId: Number(match[1]), movieId: Number(match[2]) } : null;
}

export const ratingNightId = ({ value, nightId }: { value: 1 | -1; nightId: number }) => `mh:${value === 1 ? 'u' : 'd'}:${nightId}`;

export function parseRatingNightId(customId: string): { value: 1 | -1; nightId: number } | null {
  const match = /^mh:([ud]):(\d{1,12})$/.exec(customId);
  return match ? { value: match[1] === 'u' ? 1 : -1, nightId: Number(match[2]) } : null;
}
