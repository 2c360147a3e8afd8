import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { guardPoolClients } from './pg-pool.js';

describe('guardPoolClients', () => {
  it('gives every connection one error listener at its first checkout, so a terminated connection is heard', () => {
    const pool = new EventEmitter();
    const heard: Error[] = [];
    guardPoolClients(pool as unknown as pg.Pool, (error) => heard.push(error));
    const client = new EventEmitter();
    pool.emit('acquire', client);
    pool.emit('acquire', client);
    expect(client.listenerCount('error')).toBe(1);
    client.emit('error', new Error('terminating connection due to administrator command'));
    expect(heard.map((error) => error.message)).toEqual(['terminating connection due to administrator command']);
  });
});
