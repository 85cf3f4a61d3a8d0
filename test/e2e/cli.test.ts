// Errors a user can cause: one clear line on stderr, a non-zero exit, no stack.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const podtui = (args: string[], env: Record<string, string> = {}) =>
  spawnSync('node', ['bin/podtui.js', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 15_000 });

const oneLine = (stderr: string) => {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
};

function kubeconfig(server: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'podtui-cli-'));
  const path = join(dir, 'config');
  writeFileSync(
    path,
    `apiVersion: v1
kind: Config
current-context: dev
contexts:
- name: dev
  context: {cluster: dev, user: dev, namespace: web}
clusters:
- name: dev
  cluster: {server: "${server}"}
users:
- name: dev
  user: {token: not-a-real-token}
`,
  );
  return path;
}

describe('podtui command line', () => {
  it('names an unknown scenario and lists the known ones', () => {
    const result = podtui(['--demo', '--scenario', 'nope']);
    expect(result.status).toBe(1);
    oneLine(result.stderr);
    expect(result.stderr).toMatch(/unknown scenario "nope" \(known: healthy, crashloop, /);
  });

  it('prints help and version', () => {
    const help = podtui(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage:');
    expect(help.stdout).toContain('--demo');
    const version = podtui(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^podtui \d+\.\d+\.\d+\n$/);
  });

  it('refuses an unknown flag in one line', () => {
    const r = podtui(['--frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^podtui: .*--frobnicate/);
    oneLine(r.stderr);
  });

  it('says when stdout is not a terminal', () => {
    const r = podtui(['--demo']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not a terminal/);
    oneLine(r.stderr);
  });

  it('names a missing kubeconfig file', () => {
    const r = podtui(['--kubeconfig', '/nonexistent/podtui/config']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^podtui: .*\/nonexistent\/podtui\/config/);
    oneLine(r.stderr);
  });

  it('names an unknown context', () => {
    const r = podtui(['--kubeconfig', kubeconfig('http://127.0.0.1:1'), '--context', 'prod']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^podtui: .*"prod"/);
    oneLine(r.stderr);
  });

  it('says when the server cannot be reached', () => {
    const r = podtui(['--kubeconfig', kubeconfig('http://127.0.0.1:1')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^podtui: .*127\.0\.0\.1:1/);
    oneLine(r.stderr);
  });

  it('honours KUBECONFIG when no flag is given', () => {
    const r = podtui([], { KUBECONFIG: kubeconfig('http://127.0.0.1:1') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/127\.0\.0\.1:1/);
    oneLine(r.stderr);
  });
});
