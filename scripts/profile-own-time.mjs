// How much of a CPU profile of the extension host's main thread is Source Lens's own code (dist/extension.js):
// in all, and the longest stretch of it with no idle sample between (an upper bound on how long Source Lens
// alone held the thread at once). The event-loop probe in the host bench measures wall-clock lateness, which
// on a loaded machine also counts VS Code's own work, the profiler and time spent waiting for a core.
import fs from 'node:fs';

/** @returns {{ ownMs: number, totalMs: number, longestOwnStretchMs: number }} */
export function ownTime(profilePath, bundle = 'dist/extension.js') {
  const profile = JSON.parse(fs.readFileSync(profilePath, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  let ownUs = 0;
  let totalUs = 0;
  let stretchUs = 0;
  let longestUs = 0;
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id).callFrame;
    const us = profile.timeDeltas[i] ?? 0;
    totalUs += us;
    if (frame.url.includes(bundle)) {
      ownUs += us;
      stretchUs += us;
      longestUs = Math.max(longestUs, stretchUs);
    } else if (frame.functionName === '(idle)') stretchUs = 0;
  });
  return { ownMs: ownUs / 1000, totalMs: totalUs / 1000, longestOwnStretchMs: longestUs / 1000 };
}
