import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/kube/errors.js';
import { checkReachable, kubeconfigPaths, loadClusterConfig, type ClusterOptions } from '../../src/kube/kubeconfig.js';

// Made at import: the test tables below name files in it.
const dir = mkdtempSync(path.join(tmpdir(), 'podtui-kubeconfig-'));
const file = (name: string) => path.join(dir, name);

function kubeconfig(opts: { current?: string; contexts: { name: string; cluster: string; namespace?: string }[]; clusters: { name: string; server: string }[] }) {
  const lines = ['apiVersion: v1', 'kind: Config'];
  if (opts.current) lines.push(`current-context: ${opts.current}`);
  lines.push('clusters:');
  for (const c of opts.clusters) lines.push(`- name: ${c.name}`, '  cluster:', `    server: ${c.server}`, '    insecure-skip-tls-verify: true');
  lines.push('users:', '- name: me', '  user:', '    token: secret-token-value');
  lines.push('contexts:');
  for (const c of opts.contexts) {
    lines.push(`- name: ${c.name}`, '  context:', `    cluster: ${c.cluster}`, '    user: me');
    if (c.namespace) lines.push(`    namespace: ${c.namespace}`);
  }
  return lines.join('\n') + '\n';
}

beforeAll(() => {
  writeFileSync(
    file('a.yaml'),
    kubeconfig({
      current: 'dev',
      contexts: [{ name: 'dev', cluster: 'dev-cluster', namespace: 'team-a' }, { name: 'shared', cluster: 'dev-cluster' }],
      clusters: [{ name: 'dev-cluster', server: 'https://dev.example:6443/' }],
    }),
  );
  writeFileSync(
    file('b.yaml'),
    kubeconfig({
      current: 'prod',
      contexts: [{ name: 'prod', cluster: 'prod-cluster', namespace: 'payments' }, { name: 'shared', cluster: 'prod-cluster', namespace: 'from-b' }],
      clusters: [{ name: 'prod-cluster', server: 'https://prod.example:6443' }, { name: 'dev-cluster', server: 'https://shadowed.example' }],
    }),
  );
  writeFileSync(file('nocurrent.yaml'), kubeconfig({ contexts: [{ name: 'x', cluster: 'c' }], clusters: [{ name: 'c', server: 'https://c.example' }] }));
  writeFileSync(file('dangling.yaml'), kubeconfig({ current: 'x', contexts: [{ name: 'x', cluster: 'missing' }], clusters: [] }));
  writeFileSync(file('empty.yaml'), '');
  writeFileSync(file('noserver.yaml'), ['current-context: x', 'clusters:', '- name: c', '  cluster: {certificate-authority: ca.crt}', 'contexts:', '- name: x', '  context: {cluster: c}'].join('\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base: ClusterOptions = { allNamespaces: false };
const load = (options: Partial<ClusterOptions>, env: NodeJS.ProcessEnv = {}, home = dir) =>
  loadClusterConfig({ ...base, ...options }, env, home);

describe('kubeconfigPaths', () => {
  it.each([
    ['--kubeconfig wins over KUBECONFIG', '/x/explicit', { KUBECONFIG: '/a:/b' }, ['/x/explicit']],
    ['KUBECONFIG lists several files', undefined, { KUBECONFIG: '/a::/b' }, ['/a', '/b']],
    ['falls back to ~/.kube/config', undefined, {}, ['/home/u/.kube/config']],
  ] as const)('%s', (_name, explicit, env, expected) => {
    expect(kubeconfigPaths(explicit, env, '/home/u')).toEqual(expected);
  });
});

describe('loadClusterConfig', () => {
  it.each([
    ['current-context and its namespace', {}, { KUBECONFIG: file('a.yaml') }, 'dev', 'https://dev.example:6443', 'team-a'],
    ['-n beats the context namespace', { namespace: 'other' }, { KUBECONFIG: file('a.yaml') }, 'dev', 'https://dev.example:6443', 'other'],
    ['context without namespace → default', { context: 'shared' }, { KUBECONFIG: file('a.yaml') }, 'shared', 'https://dev.example:6443', 'default'],
    ['merged files: first current-context wins', {}, { KUBECONFIG: `${file('a.yaml')}:${file('b.yaml')}` }, 'dev', 'https://dev.example:6443', 'team-a'],
    ['merged files: context only in the second', { context: 'prod' }, { KUBECONFIG: `${file('a.yaml')}:${file('b.yaml')}` }, 'prod', 'https://prod.example:6443', 'payments'],
    ['merged files: first definition of a name wins', { context: 'shared' }, { KUBECONFIG: `${file('a.yaml')}:${file('b.yaml')}` }, 'shared', 'https://dev.example:6443', 'default'],
    ['merged files: order reversed', {}, { KUBECONFIG: `${file('b.yaml')}:${file('a.yaml')}` }, 'prod', 'https://prod.example:6443', 'payments'],
    ['a missing file in KUBECONFIG is skipped', {}, { KUBECONFIG: `${file('nope.yaml')}:${file('b.yaml')}` }, 'prod', 'https://prod.example:6443', 'payments'],
    ['--kubeconfig ignores KUBECONFIG', { kubeconfig: file('b.yaml') }, { KUBECONFIG: file('a.yaml') }, 'prod', 'https://prod.example:6443', 'payments'],
  ] as const)('%s', (_name, options, env, contextName, server, namespace) => {
    const config = load(options, env);
    expect(config).toMatchObject({ contextName, server, namespace, allNamespaces: false });
    expect(config.kubeConfig.currentContext).toBe(contextName);
    expect(config.kubeConfig.users.find((u) => u.name === 'me')?.token).toBe('secret-token-value');
  });

  it('reads ~/.kube/config when nothing else is given', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'podtui-home-'));
    try {
      mkdirSync(path.join(home, '.kube'));
      writeFileSync(path.join(home, '.kube', 'config'), kubeconfig({ current: 'h', contexts: [{ name: 'h', cluster: 'c' }], clusters: [{ name: 'c', server: 'https://home.example' }] }));
      expect(load({}, {}, home)).toMatchObject({ contextName: 'h', server: 'https://home.example' });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it.each([
    ['unknown context', { context: 'staging' }, { KUBECONFIG: file('a.yaml') }, 'context "staging" not found in kubeconfig (contexts: dev, shared)'],
    ['missing --kubeconfig file', { kubeconfig: file('nope.yaml') }, {}, `kubeconfig ${file('nope.yaml')} not found`],
    ['KUBECONFIG naming only missing files', {}, { KUBECONFIG: `${file('n1')}:${file('n2')}` }, `no kubeconfig found: none of ${file('n1')}, ${file('n2')} exists (from KUBECONFIG)`],
    ['no ~/.kube/config', {}, {}, `no kubeconfig found at ${path.join(dir, '.kube', 'config')} (set KUBECONFIG or pass --kubeconfig)`],
    ['no current-context', {}, { KUBECONFIG: file('nocurrent.yaml') }, 'kubeconfig has no current-context; pick one with --context (contexts: x)'],
    ['context naming an undefined cluster', {}, { KUBECONFIG: file('dangling.yaml') }, 'context "x" refers to cluster "missing", which the kubeconfig does not define'],
    ['empty file', { kubeconfig: file('empty.yaml') }, {}, `cannot read kubeconfig ${file('empty.yaml')}: not a kubeconfig file`],
    ['a broken file among KUBECONFIG', {}, { KUBECONFIG: `${file('a.yaml')}:${file('empty.yaml')}` }, `cannot read kubeconfig ${file('empty.yaml')}: not a kubeconfig file`],
    ['the selected cluster has no server', {}, { KUBECONFIG: file('noserver.yaml') }, 'cluster "c" in kubeconfig has no server'],
    ['service variables without a mounted token are not in-cluster', {}, { KUBECONFIG: file('n1'), KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443' }, `no kubeconfig found: none of ${file('n1')} exists (from KUBECONFIG)`],
  ] as const)('%s → one-line UserError', (_name, options, env, message) => {
    let caught: unknown;
    try {
      load(options, env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as Error).message).toBe(message);
    expect((caught as Error).message).not.toContain('\n');
    expect((caught as Error).message).not.toContain('secret-token-value');
  });
});

describe('checkReachable', () => {
  let server: Server;
  let status = 200;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/version' && status === 0) return; // never answers
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? { major: '1', minor: '31', gitVersion: 'v1.31.0' } : { kind: 'Status', code: status, message: 'Unauthorized' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  function configFor(serverUrl: string) {
    writeFileSync(file('reach.yaml'), kubeconfig({ current: 'r', contexts: [{ name: 'r', cluster: 'c' }], clusters: [{ name: 'c', server: serverUrl }] }));
    return load({ kubeconfig: file('reach.yaml') });
  }

  it.each([200, 401, 403, 500])('resolves when /version answers %i', async (code) => {
    status = code;
    await expect(checkReachable(configFor(url))).resolves.toBeUndefined();
  });

  it('connection refused → UserError naming server and context', async () => {
    await expect(checkReachable(configFor('http://127.0.0.1:1'))).rejects.toThrow(
      new UserError('cannot reach http://127.0.0.1:1 (context "r"): connection refused'),
    );
  });

  it('no answer in time → UserError "timed out"', async () => {
    status = 0;
    await expect(checkReachable(configFor(url), 300)).rejects.toThrow(new UserError(`cannot reach ${url} (context "r"): timed out`));
  });
});
