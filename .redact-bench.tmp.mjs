import pino from 'pino';
import { createLogger, REDACTED_PATHS } from '/work/main/dist/src/platform/observability/logger.js';
import { Writable } from 'node:stream';
const sink=()=>new Writable({write(c,_e,cb){cb();}});
const a=createLogger('info',sink());
const b=pino({redact:{paths:REDACTED_PATHS,censor:'[redacted]'}},sink());
for (const [name,l] of [['new',a],['old',b],['new',a],['old',b]]) {
  const t=process.hrtime.bigint();
  for (let i=0;i<200000;i++) l.info({ method: 'POST', path: '/webhooks/x', route: '/webhooks/:id', status: 202, ms: 3 }, 'request completed');
  console.log(name, Number(process.hrtime.bigint()-t)/200000, 'ns/line');
}
