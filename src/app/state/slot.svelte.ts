import type { Failure } from '../../session/analysisSession';

/** Whether a run is still wanted: false once a newer run of the same job began. */
export type Ticket = () => boolean;

/** Numbers the runs of one job (a recompute, a re-read, a plan update); only the newest is current. */
export class Runs {
  #latest = 0;
  /** A ticket for a new run: every older ticket stops being current. */
  next(): Ticket {
    const mine = ++this.#latest;
    return () => mine === this.#latest;
  }
}

/**
 * One thing the page shows from the worker (a panel's numbers, a planner's table): its value, the reason it
 * could not be computed, and whether a newer value is on its way. `run` is the page's one way of dropping a
 * stale answer: an answer is applied only when no newer run of this slot began and its ticket is current.
 */
export class Slot<T> {
  value = $state.raw<T | null>(null);
  error = $state<string | null>(null);
  pending = $state(false);
  #runs = new Runs();

  /**
   * Asks, and applies the answer (`pick` turns it into the value) unless it went stale on the way; a failure
   * clears the value, so a panel never shows numbers of other settings beside an error. True when applied.
   */
  async run<R extends { ok: true }>(
    ask: () => Promise<R | Failure>,
    pick: (answer: R) => T,
    ticket: Ticket = () => true,
  ): Promise<boolean> {
    const current = this.#runs.next();
    this.pending = true;
    const answer = await ask();
    if (!current() || !ticket()) return false;
    this.pending = false;
    if (answer.ok) [this.value, this.error] = [pick(answer as R), null];
    else [this.value, this.error] = [null, answer.message];
    return true;
  }

  /** Forgets the value (new data), dropping any answer still on its way. */
  clear(): void {
    this.#runs.next();
    [this.value, this.error, this.pending] = [null, null, false];
  }
}
