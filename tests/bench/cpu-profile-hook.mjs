/**
 * A V8 CPU profile of a whole process, for benches (Node refuses `--cpu-prof` in NODE_OPTIONS):
 *
 *   NODE_OPTIONS="--import /abs/path/tests/bench/cpu-profile-hook.mjs" CPU_PROFILE_DIR=/tmp/prof node …
 *
 * Profiling starts with the process; the profile is written to CPU_PROFILE_DIR/<pid>.cpuprofile
 * on SIGTERM or SIGINT (before the process's own shutdown handlers run) or at exit. Open it in
 * Chrome DevTools (Performance → Load profile). Plain JavaScript: it loads before tsx.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

const dir = process.env.CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 1_000 });
  session.post("Profiler.start");
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // A session on the process's own thread answers synchronously.
    session.post("Profiler.stop", (error, result) => {
      if (error) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  const onSignal = (signal) => {
    write();
    // Alone, this listener would keep the process from ending on the signal.
    if (process.listenerCount(signal) === 1) process.exit(128 + (signal === "SIGINT" ? 2 : 15));
  };
  process.prependListener("SIGTERM", onSignal);
  process.prependListener("SIGINT", onSignal);
  process.on("exit", write);
}
