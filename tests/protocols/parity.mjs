// Prints what the installed upstream packages say about their close codes, one fact a line, for
// tests/protocols/tests/parity.rs to compare with the built-in tables:
//
//   graphql-ws-code <number> <name>         graphql-ws's exported `CloseCode`
//   graphql-ws-fatal <number>               a code its client gives up on (0..=65535, every one tried)
//   discord-code <number> <name>            discord-api-types' `GatewayCloseCodes` (v10)
//   pusher-action <number> <action|null>    pusher-js's `Protocol.getCloseAction` (0..=65535)
//   pusher-retry-ms <delay> <callback>      the delay its connection manager reconnects after, on
//                                           `backoff` and on `closed` (what a `null` action leaves)
//   centrifuge-reconnect <number> <bool>    centrifuge-js: does a disconnect with it reconnect (0..=65535)
//   centrifuge-transport <number> <bool>    the same for a WebSocket closing with it (0..=4999)
//   centrifuge-renews <number>              ... after which it asks for a new token (0..=4999)
//
// Nothing here restates a table: every line comes from the packages in node_modules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CloseCode, createClient } from 'graphql-ws';
import { GatewayCloseCodes } from 'discord-api-types/v10';
import { Centrifuge } from 'centrifuge';

const out = [];

// A TypeScript numeric enum holds both directions; the names are its string keys.
for (const [name, value] of Object.entries(CloseCode)) {
  if (typeof value === 'number') out.push(`graphql-ws-code ${value} ${name}`);
}
for (const [name, value] of Object.entries(GatewayCloseCodes)) {
  if (typeof value === 'number') out.push(`discord-code ${value} ${name}`);
}

// pusher-js does not export its `Protocol`; its node bundle defines it as an object literal,
// `const Protocol = { ... };`, whose functions touch nothing outside themselves. Evaluate that
// literal, as the bundle itself does.
const require = createRequire(import.meta.url);
const bundle = readFileSync(require.resolve('pusher-js'), 'utf8');
const start = bundle.indexOf('const Protocol = {');
const end = bundle.indexOf('\n};', start);
if (start < 0 || end < 0) throw new Error('pusher-js: no `const Protocol = {...};` in its bundle');
const Protocol = new Function(`${bundle.slice(start, end + 3)}\nreturn Protocol;`)();
for (let code = 0; code <= 65535; code++) {
  out.push(`pusher-action ${code} ${Protocol.getCloseAction({ code })}`);
}
// A `null` action emits nothing: the connection then emits `closed`, on which the connection
// manager's callback (`buildConnectionCallbacks`) reconnects, as its `backoff` callback
// (`buildErrorCallbacks`) does. Both delays, read from the bundle's source.
const retryAfter = (pattern, what) => {
  const found = bundle.match(pattern);
  if (!found) throw new Error(`pusher-js: no ${what} callback of the expected shape in its bundle`);
  out.push(`pusher-retry-ms ${found[1]} ${what}`);
};
retryAfter(/closed: \(\) => \{\s*this\.abandonConnection\(\);\s*if \(this\.shouldRetry\(\)\) \{\s*this\.retryIn\((\d+)\);/, 'closed');
retryAfter(/backoff: withErrorEmitted\(\(\) => \{\s*this\.retryIn\((\d+)\);/, 'backoff');

// centrifuge-js: its disconnect push handler, `_handleDisconnect`, decides `reconnect` from the
// code and hands it to `_disconnect`, which we catch.
for (let code = 0; code <= 65535; code++) {
  let reconnect;
  Centrifuge.prototype._handleDisconnect.call(
    { _disconnect: (_code, _reason, again) => { reconnect = again; } },
    { code, reason: 'parity' },
  );
  out.push(`centrifuge-reconnect ${code} ${reconnect}`);
}

// centrifuge-js's WebSocket transport: a fake WebSocket that opens and then closes with `code`
// (a reason that is not JSON advice); the client either reconnects (opens a second socket) or
// reports a disconnect and stays disconnected.
async function centrifugeReconnects(code) {
  let sockets = 0;
  let tokens = 0;
  class FakeSocket {
    constructor() {
      sockets += 1;
      const closeWith = sockets === 1 ? code : 3503;
      setTimeout(() => this.onclose?.({ code: closeWith, reason: 'parity', wasClean: true }), 0);
    }
    send() {}
    close() {}
  }
  const client = new Centrifuge('ws://parity.invalid/connection/websocket', {
    websocket: FakeSocket,
    minReconnectDelay: 0,
    maxReconnectDelay: 0,
    // After 3014 the client drops its token and asks for a new one before it reconnects.
    getToken: async () => {
      tokens += 1;
      return 'parity';
    },
  });
  const settled = new Promise((resolve) => client.on('disconnected', resolve));
  client.connect();
  await settled;
  client.disconnect();
  return { again: sockets > 1, renews: tokens > 1 };
}
for (let first = 0; first <= 4999; first += 500) {
  const codes = [];
  for (let code = first; code < first + 500; code++) codes.push(code);
  const again = await Promise.all(codes.map(centrifugeReconnects));
  codes.forEach((code, i) => {
    out.push(`centrifuge-transport ${code} ${again[i].again}`);
    if (again[i].renews) out.push(`centrifuge-renews ${code}`);
  });
}

// graphql-ws's client: a fake WebSocket whose first socket closes with `code`. A client that gives
// up rejects the subscription after that one socket; one that retries opens a second, which
// closes with 4400 (which stops every client) so that the test ends.
async function givesUp(code) {
  let sockets = 0;
  class FakeSocket {
    static CONNECTING = 0;
    static OPEN = 1;
    static CLOSING = 2;
    static CLOSED = 3;
    readyState = 0;
    constructor() {
      sockets += 1;
      const closeWith = sockets === 1 ? code : 4400;
      queueMicrotask(() => {
        this.readyState = 3;
        this.onclose?.({ code: closeWith, reason: 'parity', wasClean: true });
      });
    }
    send() {}
    close() {}
  }
  const client = createClient({
    url: 'ws://parity.invalid',
    webSocketImpl: FakeSocket,
    retryAttempts: 1,
    retryWait: async () => {},
    shouldRetry: () => true,
  });
  await new Promise((resolve) => {
    client.subscribe({ query: '{ a }' }, { next() {}, error: resolve, complete: resolve });
  });
  await client.dispose();
  return sockets === 1;
}

const batch = 512;
for (let first = 0; first <= 65535; first += batch) {
  const codes = [];
  for (let code = first; code < Math.min(first + batch, 65536); code++) codes.push(code);
  const fatal = await Promise.all(codes.map(givesUp));
  codes.forEach((code, i) => {
    if (fatal[i]) out.push(`graphql-ws-fatal ${code}`);
  });
}

process.stdout.write(`${out.join('\n')}\n`);
