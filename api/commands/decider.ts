/**
 * An aggregate as a pair of pure functions. `decide` turns a command and the current state
 * into new events or throws an `AppError`; it reads no clock, randomness or I/O (those
 * arrive inside the command). `evolve` folds one event into the state.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  initialState: State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
}

/** An event as a decider sees it: a type tag and its data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** Folds events into a state, for tests and the handler alike. */
export function fold<Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState);
}
