import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestDatabase } from "./database";

const root = path.join(__dirname, "..", "..");

/** Compiles the server once (tsc, incremental) so that tests can run it as a real process. */
export function buildServer(): void {
  execFileSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc")], { cwd: root, stdio: "pipe" });
}

export interface ChildServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/**
 * Starts `node dist/src/main.js` on a test database and a port; resolves once it answers
 * /health. It runs in a folder of its own, so that what it writes beside itself (a PostgreSQL
 * run's data/demo-tokens.txt) stays out of the repository.
 */
export async function startChildServer(database: TestDatabase, port: number, env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, [path.join(root, "dist", "src", "main.js")], {
    cwd: fs.mkdtempSync(path.join(os.tmpdir(), "child-server-")),
    env: { ...process.env, ...database.env, PORT: String(port), HOST: "127.0.0.1", SEED_DEMO_DATA: "false", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return { url, process: child, output: () => output, exited };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not start: ${output}`);
}

export async function gqlAt(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/graphql`, {
    // A request to a process that was just killed must fail, not wait forever.
    signal: AbortSignal.timeout(15_000),
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.json() };
}

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
