#!/usr/bin/env node
// Sends one AttrFanout event over NATS JetStream and prints the server's acknowledgement as one JSON line.
//
//   node send.mjs --event shop/order.placed --data '{"orderId":"o-1","amount":42}' [--id order-o-1]
//
// Options (each also read from the environment variable in brackets):
//   --server   NATS server URL(s), comma-separated            [NATS_URL]            nats://127.0.0.1:4222
//   --prefix   the app's SubjectPrefix                         [ATTRFANOUT_PREFIX]   attrfanout
//   --stream   the app's StreamName (the publish is refused    [ATTRFANOUT_STREAM]   ATTRFANOUT
//              when another stream would store it)
//   --event    the event name, as in [Event("...")]            [ATTRFANOUT_EVENT]
//   --data     the payload, JSON                               [ATTRFANOUT_DATA]
//   --id       the event Id (deduplication); a random UUID     [ATTRFANOUT_EVENT_ID]
//   --time     the event's time, ISO 8601 with an offset;      [ATTRFANOUT_EVENT_TIME]
//              'none' sends no time (the server's store time is used)
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { connect, headers, StringCodec } from 'nats';
import { ingressSubject } from './subject.mjs';

const { values: args } = parseArgs({
  options: {
    server: { type: 'string' },
    prefix: { type: 'string' },
    stream: { type: 'string' },
    event: { type: 'string' },
    data: { type: 'string' },
    id: { type: 'string' },
    time: { type: 'string' },
  },
});

const env = process.env;
const server = args.server ?? env.NATS_URL ?? 'nats://127.0.0.1:4222';
const prefix = args.prefix ?? env.ATTRFANOUT_PREFIX ?? 'attrfanout';
const stream = args.stream ?? env.ATTRFANOUT_STREAM ?? 'ATTRFANOUT';
const eventName = args.event ?? env.ATTRFANOUT_EVENT;
const data = args.data ?? env.ATTRFANOUT_DATA;
const eventId = args.id ?? env.ATTRFANOUT_EVENT_ID ?? randomUUID();
const time = args.time ?? env.ATTRFANOUT_EVENT_TIME ?? new Date().toISOString();

if (!eventName || data === undefined) {
  console.error('usage: node send.mjs --event <name> --data <json> [--id <event id>] [--server <url>] [--prefix <prefix>] [--stream <stream>] [--time <iso 8601>|none]');
  process.exit(2);
}

let subject;
try {
  JSON.parse(data); // a payload that is not JSON is refused here rather than dead-lettered by every function
  subject = ingressSubject(prefix, eventName);
} catch (error) {
  console.error(`not sent: ${error.message}`);
  process.exit(2);
}

const h = headers();
if (time !== 'none') {
  h.set('AttrFanout-Event-Time', time);
}

const nc = await connect({ servers: server.split(','), name: 'attrfanout-node-sender' });
try {
  const ack = await nc.jetstream().publish(subject, StringCodec().encode(data), {
    msgID: eventId, // sent as Nats-Msg-Id: the event Id, and what the server deduplicates on
    headers: h,
    expect: { streamName: stream },
    timeout: 10_000,
  });
  console.log(JSON.stringify({ id: eventId, subject, stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate }));
} catch (error) {
  const why = error.code === '503'
    ? `no stream stores '${subject}': start the AttrFanout app once (it creates the stream '${stream}'), and check --prefix`
    : error.message;
  console.error(`not sent: ${why}`);
  process.exitCode = 1;
} finally {
  await nc.drain();
}
