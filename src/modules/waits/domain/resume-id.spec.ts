import { randomUUID } from 'node:crypto';
import { isWellFormedResumeId, newResumeId } from './resume-id.js';

describe('resume ids', () => {
  const executionId = randomUUID();

  it('are webhook_<executionId>_<nodeId>_<128 random bits as hex>', () => {
    const id = newResumeId(executionId, 'ask_manager-2');
    expect(id).toMatch(new RegExp(`^webhook_${executionId}_ask_manager-2_[0-9a-f]{32}$`));
    expect(isWellFormedResumeId(id)).toBe(true);
  });

  it('never repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newResumeId(executionId, 'pause')));
    expect(ids.size).toBe(1000);
  });

  it.each([
    '',
    'not-a-resume-id',
    `webhook_${executionId}_pause`,
    `webhook_not-a-uuid_pause_${'a'.repeat(32)}`,
    `webhook_${executionId}_pause_${'a'.repeat(31)}`,
    `webhook_${executionId}_pause_${'A'.repeat(32)}`,
    `webhook_${executionId}_9pause_${'a'.repeat(32)}`,
    `webhook_${executionId}_pa use_${'a'.repeat(32)}`,
    `webhook_${executionId}_pause_${'a'.repeat(32)}/x`,
  ])('rejects the malformed %j', (value) => {
    expect(isWellFormedResumeId(value)).toBe(false);
  });
});
