import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../../src/cli.js';

describe('parseCommandLine', () => {
  it.each([
    [[], { command: 'ui', demo: false, allNamespaces: false, scenarios: [], speed: 1, color: true, ascii: false }],
    [['--demo'], { command: 'ui', demo: true }],
    [['-A'], { allNamespaces: true }],
    [['-n', 'kube-system'], { namespace: 'kube-system' }],
    [['--namespace=web'], { namespace: 'web' }],
    [['--kubeconfig', '/tmp/k', '--context', 'prod'], { kubeconfig: '/tmp/k', context: 'prod' }],
    [['-l', 'app=web', '--field-selector', 'spec.nodeName=worker-1'], { labelSelector: 'app=web', fieldSelector: 'spec.nodeName=worker-1' }],
    [['--demo', '--scenario', 'crashloop', '--scenario', 'oomkilled,imagepull', '--speed', '20'], { scenarios: ['crashloop', 'oomkilled', 'imagepull'], speed: 20 }],
    [['--no-color', '--ascii'], { color: false, ascii: true }],
    [['--help'], { command: 'help', topic: 'ui' }],
    [['-v'], { command: 'version' }],
    [['sim'], { command: 'sim', port: 0, scenarios: [], speed: 1, faults: [], pods: 0, namespaces: 50, churn: 0, eventRate: 0 }],
    [['sim', '--port', '8080', '--kubeconfig-out', '/tmp/kc', '--faults', 'drop,expire', '--faults', 'garbage'], { port: 8080, kubeconfigOut: '/tmp/kc', faults: ['drop', 'expire', 'garbage'] }],
    [['sim', '--pods', '10000', '--namespaces', '50', '--churn', '200', '--event-rate', '200'], { pods: 10000, namespaces: 50, churn: 200, eventRate: 200 }],
    [['sim', '--help'], { command: 'help', topic: 'sim' }],
  ])('%j', (argv, expected) => {
    expect(parseCommandLine(argv as string[])).toMatchObject(expected);
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['-n', 'a', '-A'], /cannot be used together/],
    [['--speed', '0', '--demo'], /--speed needs a number above 0/],
    [['--scenario', 'crashloop'], /only apply with --demo/],
    [['--demo', '--context', 'prod'], /--demo runs its own cluster/],
    [['extra'], /unexpected argument "extra"/],
    [['sim', '--port', '70000'], /at most 65535/],
    [['sim', '--port', '1.5'], /whole number/],
    [['sim', '--faults', 'meteor'], /unknown fault "meteor"/],
    [['--kubeconfig'], /argument missing/],
  ])('%j is refused in one line', (argv, message) => {
    let error: unknown;
    try {
      parseCommandLine(argv as string[]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
