// Reads kubeconfig files and merges them the way kubectl does, with js-yaml
// and nothing else: importing @kubernetes/client-node just to parse them costs
// a process about 70 MB of RSS and 0.7 s of CPU (docs/performance.md, item 1),
// because its KubeConfig module pulls in the whole generated API.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { UserError } from './errors.js';

export interface KubeconfigCluster {
  readonly name: string;
  /** As written; empty when the file gives none (an error only once the cluster is used). */
  readonly server: string;
  /** Path to a PEM file, made absolute against the directory of the file that named it. */
  readonly certificateAuthority?: string;
  /** Base64 of PEM, as in the file. */
  readonly certificateAuthorityData?: string;
  readonly insecureSkipTlsVerify: boolean;
  readonly tlsServerName?: string;
  readonly proxyUrl?: string;
}

export interface KubeconfigUser {
  readonly name: string;
  readonly token?: string;
  /** Re-read on every request: projected service-account tokens rotate. */
  readonly tokenFile?: string;
  readonly clientCertificate?: string;
  readonly clientCertificateData?: string;
  readonly clientKey?: string;
  readonly clientKeyData?: string;
  readonly username?: string;
  readonly password?: string;
  /** `as`, `as-uid`, `as-groups`: sent as Impersonate-* headers. */
  readonly impersonate?: string;
  readonly impersonateUid?: string;
  readonly impersonateGroups?: readonly string[];
  /** The `exec` stanza as written (a command with a path made absolute); client-node runs it. */
  readonly exec?: Readonly<Record<string, unknown>>;
  /** The `auth-provider` stanza as written; client-node handles it. */
  readonly authProvider?: Readonly<Record<string, unknown>>;
}

export interface KubeconfigContext {
  readonly name: string;
  readonly cluster: string;
  readonly user?: string;
  readonly namespace?: string;
}

/** One kubeconfig file, or several merged; `currentContext` is '' when none is set. */
export interface Kubeconfig {
  readonly clusters: readonly KubeconfigCluster[];
  readonly users: readonly KubeconfigUser[];
  readonly contexts: readonly KubeconfigContext[];
  readonly currentContext: string;
}

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar field as text; absent, empty, null and non-text values are all "not set". */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Every scalar is text except null and true/false: a token, password or
 * name written as 0x1F, 0123 or 2024-01-01 is kept exactly as written (a
 * richer schema would turn it into 31, 123 or a Date).
 */
const KUBECONFIG_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    new yaml.Type('tag:yaml.org,2002:null', { kind: 'scalar', resolve: (data: string | null) => data === null || /^(~|null|Null|NULL|)$/.test(data), construct: () => null }),
    new yaml.Type('tag:yaml.org,2002:bool', { kind: 'scalar', resolve: (data: string) => /^(true|True|TRUE|false|False|FALSE)$/.test(data), construct: (data: string) => /^t/i.test(data) }),
  ],
});

/** kubectl resolves file references against the directory of the file that holds them. */
function resolved(dir: string, file: string | undefined): string | undefined {
  return file === undefined || path.isAbsolute(file) ? file : path.join(dir, file);
}

/** Entries of a named list (`- name: x\n  cluster: {...}`); entries without a name are skipped. */
function namedEntries(config: Mapping, list: string, field: string, file: string): { name: string; body: Mapping }[] {
  const entries = config[list];
  if (entries === undefined || entries === null) return [];
  if (!Array.isArray(entries)) throw new UserError(`cannot read kubeconfig ${file}: ${list} is not a list`);
  const named: { name: string; body: Mapping }[] = [];
  for (const entry of entries) {
    const name = isMapping(entry) ? text(entry.name) : undefined;
    if (name === undefined) continue;
    const body = (entry as Mapping)[field];
    named.push({ name, body: isMapping(body) ? body : {} });
  }
  return named;
}

function parseCluster(name: string, body: Mapping, dir: string): KubeconfigCluster {
  const certificateAuthority = resolved(dir, text(body['certificate-authority']));
  const certificateAuthorityData = text(body['certificate-authority-data']);
  const tlsServerName = text(body['tls-server-name']);
  const proxyUrl = text(body['proxy-url']);
  return {
    name,
    server: text(body.server) ?? '',
    insecureSkipTlsVerify: body['insecure-skip-tls-verify'] === true,
    ...(certificateAuthority !== undefined && { certificateAuthority }),
    ...(certificateAuthorityData !== undefined && { certificateAuthorityData }),
    ...(tlsServerName !== undefined && { tlsServerName }),
    ...(proxyUrl !== undefined && { proxyUrl }),
  };
}

/** Only an exec command that names a path is resolved; a bare name is looked up on PATH. */
function parseExec(body: unknown, dir: string): Mapping | undefined {
  if (!isMapping(body)) return undefined;
  const command = text(body.command);
  if (command === undefined || !command.includes(path.sep)) return { ...body };
  return { ...body, command: resolved(dir, command) };
}

function parseUser(name: string, body: Mapping, dir: string): KubeconfigUser {
  const fields: Record<string, string | undefined> = {
    token: text(body.token),
    tokenFile: resolved(dir, text(body.tokenFile)),
    clientCertificate: resolved(dir, text(body['client-certificate'])),
    clientCertificateData: text(body['client-certificate-data']),
    clientKey: resolved(dir, text(body['client-key'])),
    clientKeyData: text(body['client-key-data']),
    username: text(body.username),
    password: text(body.password),
    impersonate: text(body.as),
    impersonateUid: text(body['as-uid']),
  };
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const groups = Array.isArray(body['as-groups']) ? body['as-groups'].map(text).filter((g): g is string => g !== undefined) : [];
  const exec = parseExec(body.exec, dir);
  const authProvider = isMapping(body['auth-provider']) ? body['auth-provider'] : undefined;
  return {
    name,
    ...present,
    ...(groups.length > 0 && { impersonateGroups: groups }),
    ...(exec && { exec }),
    ...(authProvider && { authProvider }),
  };
}

function parseContext(name: string, body: Mapping): KubeconfigContext {
  const user = text(body.user);
  const namespace = text(body.namespace);
  return { name, cluster: text(body.cluster) ?? '', ...(user !== undefined && { user }), ...(namespace !== undefined && { namespace }) };
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}

/** Why a file could not be read, in a few words (Node's message repeats the path). */
export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return firstLine(String((error as Error).message ?? error));
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read kubeconfig ${file}: ${fileErrorReason(error)}`);
  }
}

/** Parses one kubeconfig file; every failure is a one-line UserError naming the file. */
export function readKubeconfigFile(file: string): Kubeconfig {
  let document: unknown;
  try {
    document = yaml.load(readText(file), { schema: KUBECONFIG_SCHEMA, filename: file });
  } catch (error) {
    if (error instanceof UserError) throw error;
    const e = error as { reason?: string; mark?: { line: number }; message?: string };
    const where = e.mark ? ` (line ${e.mark.line + 1})` : '';
    throw new UserError(`cannot read kubeconfig ${file}: ${e.reason ?? firstLine(String(e.message))}${where}`);
  }
  if (!isMapping(document)) throw new UserError(`cannot read kubeconfig ${file}: not a kubeconfig file`);
  const dir = path.dirname(path.resolve(file));
  return {
    clusters: namedEntries(document, 'clusters', 'cluster', file).map(({ name, body }) => parseCluster(name, body, dir)),
    users: namedEntries(document, 'users', 'user', file).map(({ name, body }) => parseUser(name, body, dir)),
    contexts: namedEntries(document, 'contexts', 'context', file).map(({ name, body }) => parseContext(name, body)),
    currentContext: text(document['current-context']) ?? '',
  };
}

/** The entry called `name`, as kubectl looks clusters, users and contexts up. */
export function byName<T extends { name: string }>(list: readonly T[], name: string | undefined): T | undefined {
  return name === undefined ? undefined : list.find((entry) => entry.name === name);
}

function firstByName<T extends { name: string }>(lists: (readonly T[])[]): T[] {
  const byName = new Map<string, T>();
  for (const list of lists) for (const entry of list) if (!byName.has(entry.name)) byName.set(entry.name, entry);
  return [...byName.values()];
}

/** kubectl's merge of $KUBECONFIG: for every name, and for current-context, the first file to set it wins. */
export function mergeKubeconfigs(configs: readonly Kubeconfig[]): Kubeconfig {
  return {
    clusters: firstByName(configs.map((c) => c.clusters)),
    users: firstByName(configs.map((c) => c.users)),
    contexts: firstByName(configs.map((c) => c.contexts)),
    currentContext: configs.find((c) => c.currentContext !== '')?.currentContext ?? '',
  };
}
