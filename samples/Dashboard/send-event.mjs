// Sends one event to the shop's HTTP event endpoint with Node.js's built-in fetch (Node 18+), no packages:
//   node send-event.mjs [url] [key] [json]
// Prints the endpoint's answer as one JSON line: {"status":200,"body":{"ids":[...],"runIds":[[...]],"duplicates":[]}}
const url = process.argv[2] ?? process.env.ATTRFANOUT_URL ?? 'http://127.0.0.1:5180/e';
const key = process.argv[3] ?? process.env.ATTRFANOUT_EVENT_KEY ?? 'local-example-key';
const body = process.argv[4] ?? JSON.stringify({
  name: 'shop/order.placed',
  data: { orderId: 'o-node-1', email: 'node@example.com', total: 12.5 },
  id: `node-order-${Date.now()}`,
  ts: Date.now(),
});

const response = await fetch(url, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
  body,
  signal: AbortSignal.timeout(30_000),
});
const answer = JSON.stringify({ status: response.status, body: await response.json() });
// Exit once printed: fetch keeps its connection alive for a few seconds, which would keep Node running.
process.stdout.write(answer + '\n', () => process.exit(0));
