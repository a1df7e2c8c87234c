import { parseYaml, pointerToPath } from '../../src/shared/yaml/index.js';
import { DeployerError } from '../../src/shared/errors.js';

describe('yaml positions', () => {
  const y = parseYaml('name: a\nhubs:\n  - name: x\n    domain: d\n  - name: y\n', 'c.yaml');
  it('maps a JSON pointer to line and column', () => {
    expect(y.locate('/hubs/1/name')).toEqual({ line: 5, col: 11 });
    expect(y.locateKey('/hubs/0/domain')).toEqual({ line: 4, col: 5 });
  });
  it('falls back to the nearest existing ancestor', () => {
    expect(y.locate('/hubs/1/nope')).toEqual({ line: 5, col: 5 });
  });
  it('reports a syntax error at its line and column', () => {
    let err: unknown;
    try {
      parseYaml('a: 1\nb: [1, 2\nc: 3\n', 'bad.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DeployerError);
    expect((err as DeployerError).file).toBe('bad.yaml');
    expect((err as DeployerError).line).toBeGreaterThanOrEqual(2);
  });
  it('rejects duplicate keys', () => {
    expect(() => parseYaml('a: 1\na: 2\n', 'dup.yaml')).toThrow(/duplicate|unique/i);
  });
  it('splits pointers with escapes', () => {
    expect(pointerToPath('/a~1b/0/c~0d')).toEqual(['a/b', 0, 'c~d']);
  });
});
