import type { TasteProfile } from '../../core/index.ts';

/** One line of `recommend --in`: a person, or a group of members. */
export type RecommendRequest = { id: string | number; kind: 'user'; profile: TasteProfile } | { id: string | number; kind: 'group'; members: TasteProfile[] };

export class RequestLineError extends Error {}

/** Parses and validates one JSONL line; throws RequestLineError saying what is wrong. */
export function parseRequestLine(text: string): RecommendRequest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new RequestLineError(`not valid JSON (${(err as Error).message})`);
  }
  if (!isObject(value)) throw new RequestLineError('expected a JSON object');
  const id = value.id;
  if (typeof id !== 'string' && typeof id !== 'number') throw new RequestLineError('"id" must be a string or a number');
  if ('members' in value) {
    if (!Array.isArray(value.members) || value.members.length === 0) {
      throw new RequestLineError('"members" must be a non-empty array');
    }
    const members = value.members.map((m, i) => profileOf(m, `members[${i}]`));
    return { id, kind: 'group', members };
  }
  return { id, kind: 'user', profile: profileOf(value, '') };
}

function profileOf(value: unknown, where: string): TasteProfile {
  const at = (field: string) => (where ? `${where}.${field}` : field);
  if (!isObject(value)) throw new RequestLineError(`${where || 'line'} must be an object`);
  return {
    likes: ids(value.likes, at('likes'), true),
    dislikes: ids(value.dislikes, at('dislikes'), false),
    seen: ids(value.seen, at('seen'), false),
  };
}

function ids(value: unknown, field: string, required: boolean): number[] {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) throw new RequestLineError(`"${field}" must be an array of movie ids`);
  for (const id of value) {
    if (!Number.isSafeInteger(id) || (id as number) <= 0) {
      throw new RequestLineError(`"${field}" holds ${JSON.stringify(id)}, which is not a MovieLens movie id`);
    }
  }
  return value as number[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
