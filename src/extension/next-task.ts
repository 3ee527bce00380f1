// Work that follows an analysis (the Problems, the highlights) runs here, in tasks of its own, not inside
// the task that published the analysis: the extension host then handles its other messages in between,
// and no one task holds it for long. Jobs run in order, as many per task as fit in BUDGET_MS (so small
// documents' jobs share a task), and a task never starts a job after its budget is spent.
//
// setTimeout, not setImmediate: immediates queued by one task all run right after it, back to back, in
// the same turn of the event loop, which would make one long block again.

/** A task stops taking jobs after this long (a job already started finishes). */
const BUDGET_MS = 8;

const jobs: Array<() => void> = [];
let timer: NodeJS.Timeout | undefined;

/** Runs `job` in a later task; dispose the result to drop it if it has not run yet. */
export function inNextTask(job: () => void): { dispose(): void } {
  jobs.push(job);
  timer ??= setTimeout(runSome, 0);
  return {
    dispose: () => {
      const index = jobs.indexOf(job);
      if (index >= 0) jobs.splice(index, 1);
    },
  };
}

function runSome(): void {
  timer = undefined;
  const started = performance.now();
  try {
    while (jobs.length > 0 && performance.now() - started < BUDGET_MS) jobs.shift()!();
  } finally {
    // Even when a job threw (the host logs it), the rest still run.
    if (jobs.length > 0) timer ??= setTimeout(runSome, 0);
  }
}
