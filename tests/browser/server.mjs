// A `rung serve` of a spec's own, on a fresh data folder, for specs whose data must not meet the
// shared server's (people.spec.mjs imports people and changes the first-run admin's password
// there). run.sh hands over the binary in RUNG_BIN.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

// Starts the server with the built-in ladder and answers {url, adminPassword, stop}. The
// first-run admin's one-time password is the line after the notice on standard output.
export async function startServer() {
  const binary = process.env.RUNG_BIN;
  if (!binary) throw new Error('RUNG_BIN must name the rung binary (run.sh sets it)');
  const dir = mkdtempSync(join(tmpdir(), 'rung-spec-'));
  const port = await freePort();
  const child = spawn(binary, ['serve', '--listen', `127.0.0.1:${port}`, '--data', join(dir, 'var')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => { out += chunk; });
  child.stderr.resume();
  const url = `http://127.0.0.1:${port}`;
  const password = () => {
    const lines = out.split('\n');
    const at = lines.findIndex((line) => line.includes('one-time password'));
    return at >= 0 && at + 1 < lines.length ? lines[at + 1].trim() : '';
  };
  const healthy = async () => {
    try {
      return (await fetch(`${url}/healthz`)).ok;
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 100 && !(password() && (await healthy())); i += 1) await sleep(100);
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  if (!password() || !(await healthy())) {
    await stop();
    throw new Error(`rung serve did not start:\n${out}`);
  }
  return { url, adminPassword: password(), stop };
}
