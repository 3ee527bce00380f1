// Optional for `npm run bench:host`: with BENCH_PROFILE=1 the runner passes SOURCE_LENS_BENCH_PROFILE=<dir>
// to the extension host, and each measurement records a CPU profile of the host's main thread there
// (open.cpuprofile, edit.cpuprofile: open them in Chrome DevTools, or VS Code). Names are readable when
// dist/extension.js is built without --minify.
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';

export class Profiler {
  private readonly session = new Session();

  private constructor(private readonly dir: string) {}

  private post<T = unknown>(method: string): Promise<T> {
    return new Promise((resolve, reject) =>
      this.session.post(method, (error, result) => (error ? reject(error) : resolve(result as T))),
    );
  }

  /** A running profiler, or undefined when SOURCE_LENS_BENCH_PROFILE is not set. */
  static async start(): Promise<Profiler | undefined> {
    const dir = process.env.SOURCE_LENS_BENCH_PROFILE;
    if (!dir) return undefined;
    const profiler = new Profiler(dir);
    profiler.session.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
    return profiler;
  }

  /** Stops and writes `<dir>/<name>.cpuprofile`. */
  async stop(name: string): Promise<void> {
    const { profile } = await this.post<{ profile: object }>('Profiler.stop');
    this.session.disconnect();
    fs.mkdirSync(this.dir, { recursive: true });
    fs.writeFileSync(path.join(this.dir, `${name}.cpuprofile`), JSON.stringify(profile));
  }
}
