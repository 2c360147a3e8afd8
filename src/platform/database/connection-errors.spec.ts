import { isDatabaseUnavailable } from './connection-errors.js';

describe('isDatabaseUnavailable', () => {
  it.each([
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    [Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    [new Error('Connection terminated unexpectedly')],
    [{ driverError: { code: '57P03' }, message: 'the database system is starting up' }],
  ])('recognises %s', (error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    [new Error('duplicate key value violates unique constraint')],
    [Object.assign(new Error('syntax error'), { code: '42601' })],
    ['text'],
    [null],
  ])('does not take %s for an outage', (error) => expect(isDatabaseUnavailable(error)).toBe(false));
});
