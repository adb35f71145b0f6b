/** A mistake in `moviebot recommend`'s arguments or input: its message is the whole story (no stack). */
export class RecommendInputError extends Error {}
