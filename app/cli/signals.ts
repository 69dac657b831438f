/** Resolves on the first SIGINT or SIGTERM: a long-running command's cue to finish and close. */
export function untilStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
