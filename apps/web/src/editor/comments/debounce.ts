export interface Debounced {
  /** Asks for a run: after `waitMs` of quiet, or at the latest `maxWaitMs` after the first ask. */
  readonly schedule: () => void;
  /** Runs now if a run is pending. */
  readonly flush: () => void;
  readonly cancel: () => void;
}

/**
 * Trailing debounce with a ceiling: a burst of document updates (someone typing) gives one run
 * when it pauses, and a run at least every `maxWaitMs` while it goes on, so highlights keep up
 * with a long stream of remote edits without working on every keystroke.
 */
export function debounce(run: () => void, waitMs: number, maxWaitMs: number): Debounced {
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let ceilingTimer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(quietTimer);
    clearTimeout(ceilingTimer);
    quietTimer = undefined;
    ceilingTimer = undefined;
  };
  const fire = () => {
    cancel();
    run();
  };
  return {
    schedule: () => {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(fire, waitMs);
      ceilingTimer ??= setTimeout(fire, maxWaitMs);
    },
    flush: () => {
      if (quietTimer !== undefined) fire();
    },
    cancel,
  };
}
