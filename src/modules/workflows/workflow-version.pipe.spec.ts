import { DomainError } from '../../platform/errors/domain-error.js';
import { WorkflowVersionPipe } from './workflow-version.pipe.js';

describe('WorkflowVersionPipe', () => {
  const pipe = new WorkflowVersionPipe();

  it.each([
    ['1', 1],
    ['42', 42],
    ['2147483647', 2_147_483_647],
  ])('takes %s', (raw, version) => {
    expect(pipe.transform(raw)).toBe(version);
  });

  it.each(['0', '-1', '1.5', 'abc', '', '2147483648', '99999999999999999999', '1e3', ' 1'])(
    'refuses %j naming the version',
    (raw) => {
      expect(() => pipe.transform(raw)).toThrow(DomainError);
      expect(() => pipe.transform(raw)).toThrow(/version must be an integer from 1 to 2147483647/);
    },
  );
});
