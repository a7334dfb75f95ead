import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Ports 55440–55449 are this suite's (CI's own server is on 55432). */
export const FAULTS_POSTGRES_PORT = Number(process.env.FAULTS_POSTGRES_PORT ?? 55440);

const SCRIPT = path.resolve(process.cwd(), "scripts/ci/postgres.sh");

/** scripts/ci/postgres.sh start DIR PORT (prints the admin URL) or stop DIR. */
export async function postgresScript(action: "start" | "stop", dir: string, port?: number): Promise<string> {
  const { stdout } = await run(SCRIPT, [action, dir, ...(port ? [String(port)] : [])], { timeout: 60_000 });
  return stdout;
}

/** As postgres.sh runs pg_ctl: as the postgres user when we are root. */
async function pgCtl(args: string): Promise<void> {
  const command = `pg_ctl ${args}`;
  if (process.getuid?.() === 0) await run("su", ["postgres", "-s", "/bin/sh", "-c", command], { timeout: 60_000 });
  else await run("/bin/sh", ["-c", command], { timeout: 60_000 });
}

/** Stops the server at once (pg_ctl -m fast: open connections are cut, as in a crash or a failover). */
export async function stopPostgres(dir: string): Promise<void> {
  await pgCtl(`-D '${dir}/data' -m fast -w stop`);
}

/**
 * Starts the stopped server again on its data folder. The options mirror postgres.sh's `start`
 * (which also runs initdb, so it cannot be used to resume an existing folder).
 */
export async function resumePostgres(dir: string, port: number): Promise<void> {
  await pgCtl(`-D '${dir}/data' -o "-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" -l '${dir}/server.log' -w start`);
}
