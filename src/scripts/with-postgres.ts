import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * `node dist/src/scripts/with-postgres.js <command> [args...]`: starts a throwaway PostgreSQL
 * server on a free loopback port, runs the command with DATABASE_URL pointing at it, then stops
 * the server and deletes its files. For trying the API on PostgreSQL (`npm run start:postgres`)
 * and for the test suite's PostgreSQL run (`npm run test:postgres`); not for data you keep:
 * the server runs with fsync off.
 *
 * Needs PostgreSQL's server programs (initdb, pg_ctl): on PATH, or in Debian's
 * /usr/lib/postgresql/<version>/bin (apt-get install postgresql-15). PostgreSQL refuses to run
 * as root: as root, the cluster is made and run as the `postgres` user.
 */
function serverProgram(name: string): string {
  const onPath = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
  if (onPath) return onPath;
  const debian = "/usr/lib/postgresql";
  const versions = fs.existsSync(debian) ? fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const candidate = path.join(debian, version, "bin", name);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`PostgreSQL's ${name} was not found: install the server (Debian: apt-get install postgresql-15)`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function main(): Promise<number> {
  const command = process.argv.slice(2);
  if (command.length === 0) throw new Error("usage: with-postgres <command> [args...]");
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marketplace-pg-"));
  const data = path.join(dir, "data");
  const run = (program: string, args: string[]) =>
    asRoot ? execFileSync("runuser", ["-u", "postgres", "--", program, ...args], { stdio: "pipe" }) : execFileSync(program, args, { stdio: "pipe" });
  if (asRoot) execFileSync("chown", ["postgres", dir]);
  const port = await freePort();
  run(serverProgram("initdb"), ["-D", data, "-A", "trust", "-U", "marketplace", "--no-sync", "-E", "UTF8", "--locale", "C"]);
  const options = [`-p ${port}`, "-c listen_addresses=127.0.0.1", `-c unix_socket_directories=${dir}`, "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=300"];
  const pgCtl = serverProgram("pg_ctl");
  run(pgCtl, ["-D", data, "-l", path.join(dir, "server.log"), "-w", "-o", options.join(" "), "start"]);
  const stop = () => {
    try {
      run(pgCtl, ["-D", data, "-m", "fast", "-w", "stop"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  const url = `postgres://marketplace@127.0.0.1:${port}/postgres`;
  process.stderr.write(`A throwaway PostgreSQL is up for this command at ${url}\n`);
  const child = spawn(command[0], command.slice(1), { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  const code = await new Promise<number>((resolve) => child.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
  stop();
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`with-postgres: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
