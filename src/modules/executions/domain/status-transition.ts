/** One row of a transition table: the statuses an event may move a record from, and the status it moves it to. */
export interface StatusTransition<S extends string> {
  readonly from: readonly S[];
  readonly to: S;
}

/** The status `transition` moves a record in `from` to; undefined: the table refuses that move. */
export function nextStatus<S extends string>(transition: StatusTransition<S>, from: S): S | undefined {
  return transition.from.includes(from) ? transition.to : undefined;
}
