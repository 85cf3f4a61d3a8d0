import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/kube/errors.js';
import { mergeKubeconfigs, readKubeconfigFile } from '../../src/kube/kubeconfigFile.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'podtui-kubeconfig-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

// A kubeconfig as `kind`, `gcloud` and `aws eks update-kubeconfig` write them.
const realistic = [
  'apiVersion: v1',
  'kind: Config',
  'preferences: {}',
  'current-context: kind-dev',
  'clusters:',
  '- name: kind-dev',
  '  cluster:',
  '    server: https://127.0.0.1:36443',
  '    certificate-authority: pki/ca.crt',
  '    tls-server-name: kubernetes.default.svc',
  '- name: eks-prod',
  '  cluster:',
  '    server: https://ABCD.gr7.eu-west-1.eks.amazonaws.com',
  '    certificate-authority-data: LS0tLS1CRUdJTg==',
  '    proxy-url: socks5://localhost:1080',
  '- name: lab',
  '  cluster:',
  '    server: http://10.0.0.1:8080',
  '    insecure-skip-tls-verify: true',
  '- name: quoted-skip',
  '  cluster: {server: https://q, insecure-skip-tls-verify: "true"}',
  'users:',
  '- name: kind-dev',
  '  user:',
  '    client-certificate: pki/admin.crt',
  '    client-key: /etc/kind/admin.key',
  '    tokenFile: ../shared/token',
  '- name: eks-prod',
  '  user:',
  '    exec:',
  '      apiVersion: client.authentication.k8s.io/v1beta1',
  '      command: aws',
  '      args: [eks, get-token, --cluster-name, prod]',
  '      env: [{name: AWS_PROFILE, value: prod}]',
  '- name: local-plugin',
  '  user:',
  '    exec: {apiVersion: client.authentication.k8s.io/v1, command: ./bin/login}',
  '- name: impersonating',
  '  user:',
  '    token: 2024-01-01',
  '    as: jane',
  '    as-groups: [devs, ops]',
  '- name: numeric',
  '  user: {token: 12345, username: bob, password: 0x1F, as: null, as-uid: ~, client-key: }',
  '- name: quoted-bool',
  '  user: {token: "true"}',
  'contexts:',
  '- name: kind-dev',
  '  context: {cluster: kind-dev, user: kind-dev, namespace: team-a}',
  '- name: prod',
  '  context: {cluster: eks-prod, user: eks-prod}',
  '- context: {cluster: lab}',
];

describe('readKubeconfigFile', () => {
  it('reads clusters, users and contexts with kubectl field names, paths made absolute against the file', () => {
    const file = write('realistic', realistic);
    const config = readKubeconfigFile(file);
    expect(config.currentContext).toBe('kind-dev');
    expect(config.clusters).toEqual([
      { name: 'kind-dev', server: 'https://127.0.0.1:36443', certificateAuthority: path.join(dir, 'pki/ca.crt'), tlsServerName: 'kubernetes.default.svc', insecureSkipTlsVerify: false },
      { name: 'eks-prod', server: 'https://ABCD.gr7.eu-west-1.eks.amazonaws.com', certificateAuthorityData: 'LS0tLS1CRUdJTg==', proxyUrl: 'socks5://localhost:1080', insecureSkipTlsVerify: false },
      { name: 'lab', server: 'http://10.0.0.1:8080', insecureSkipTlsVerify: true },
      // kubectl rejects a string here; it never turns verification off.
      { name: 'quoted-skip', server: 'https://q', insecureSkipTlsVerify: false },
    ]);
    expect(config.users).toEqual([
      { name: 'kind-dev', clientCertificate: path.join(dir, 'pki/admin.crt'), clientKey: '/etc/kind/admin.key', tokenFile: path.join(dir, '../shared/token') },
      // A bare command is looked up on PATH, as kubectl does; a path is resolved.
      { name: 'eks-prod', exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'aws', args: ['eks', 'get-token', '--cluster-name', 'prod'], env: [{ name: 'AWS_PROFILE', value: 'prod' }] } },
      { name: 'local-plugin', exec: { apiVersion: 'client.authentication.k8s.io/v1', command: path.join(dir, 'bin/login') } },
      // Scalars that look like dates or numbers stay the text they were written as.
      { name: 'impersonating', token: '2024-01-01', impersonate: 'jane', impersonateGroups: ['devs', 'ops'] },
      { name: 'numeric', token: '12345', username: 'bob', password: '0x1F' },
      { name: 'quoted-bool', token: 'true' },
    ]);
    // An entry without a name is skipped, as it could never be selected.
    expect(config.contexts).toEqual([
      { name: 'kind-dev', cluster: 'kind-dev', user: 'kind-dev', namespace: 'team-a' },
      { name: 'prod', cluster: 'eks-prod', user: 'eks-prod' },
    ]);
  });

  it('a relative --kubeconfig path still resolves references against its own directory', () => {
    write('relative', ['clusters:', '- name: c', '  cluster: {server: https://x, certificate-authority: ca.crt}']);
    const relative = path.relative(process.cwd(), path.join(dir, 'relative'));
    expect(readKubeconfigFile(relative).clusters[0]?.certificateAuthority).toBe(path.join(dir, 'ca.crt'));
  });

  it.each([
    ['empty file', [''], 'not a kubeconfig file'],
    ['a list, not a mapping', ['- a', '- b'], 'not a kubeconfig file'],
    ['clusters not a list', ['clusters: {name: c}'], 'clusters is not a list'],
    ['YAML syntax error', ['clusters:', '- name: c', '  cluster: {server: "https://x'], /^unexpected end of the stream within a double quoted scalar \(line \d+\)$/],
    ['a tab where YAML wants spaces', ['clusters:', '\t- name: c'], /\(line 2\)$/],
  ] as const)('%s → one-line UserError naming the file', (_name, lines, reason) => {
    const file = write('broken', [...lines]);
    let caught: unknown;
    try {
      readKubeconfigFile(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    const message = (caught as Error).message;
    expect(message).not.toContain('\n');
    expect(message.startsWith(`cannot read kubeconfig ${file}: `)).toBe(true);
    const rest = message.slice(`cannot read kubeconfig ${file}: `.length);
    if (typeof reason === 'string') expect(rest).toBe(reason);
    else expect(rest).toMatch(reason);
  });

  it('a directory → one-line UserError', () => {
    expect(() => readKubeconfigFile(dir)).toThrow(new UserError(`cannot read kubeconfig ${dir}: is a directory`));
  });
});

describe('mergeKubeconfigs', () => {
  const a = { clusters: [{ name: 'shared', server: 'https://a', insecureSkipTlsVerify: false }], users: [{ name: 'me', token: 'a' }], contexts: [{ name: 'dev', cluster: 'shared' }], currentContext: '' };
  const b = { clusters: [{ name: 'shared', server: 'https://b', insecureSkipTlsVerify: true }, { name: 'only-b', server: 'https://ob', insecureSkipTlsVerify: false }], users: [{ name: 'me', token: 'b' }], contexts: [{ name: 'dev', cluster: 'only-b' }, { name: 'prod', cluster: 'only-b' }], currentContext: 'prod' };
  const c = { clusters: [], users: [], contexts: [], currentContext: 'dev' };

  it.each([
    ['first definition of each name wins; current-context from the first file that sets it', [a, b, c], ['https://a', 'https://ob'], 'a', ['dev', 'prod'], 'shared', 'prod'],
    ['order reversed', [c, b, a], ['https://b', 'https://ob'], 'b', ['dev', 'prod'], 'only-b', 'dev'],
    ['one file', [a], ['https://a'], 'a', ['dev'], 'shared', ''],
  ] as const)('%s', (_name, configs, servers, token, contexts, devCluster, current) => {
    const merged = mergeKubeconfigs(configs);
    expect(merged.clusters.map((x) => x.server)).toEqual(servers);
    expect(merged.users).toEqual([{ name: 'me', token }]);
    expect(merged.contexts.map((x) => x.name)).toEqual(contexts);
    expect(merged.contexts.find((x) => x.name === 'dev')?.cluster).toBe(devCluster);
    expect(merged.currentContext).toBe(current);
  });
});
