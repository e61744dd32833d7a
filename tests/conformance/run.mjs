// Conformance of the Salesforce emulator with clients nobody here wrote: jsforce (REST query paging, sObject
// Collections upsert, a full Bulk API 2.0 upsert with its result files) and the official CometD JavaScript client
// (handshake, subscribe with the replay extension, receiving a platform event published over REST).
//
// Run from the repository root by tests/conformance/run.sh after a Release build. Each check prints one TAP-like line;
// the last line is "conformance: N passed, N failed". A check that trips over a known emulator deviation is skipped
// with "# SKIP emulator bug: ..." and counted in neither total. Exit code 0 only when nothing failed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import jsforce from 'jsforce';
import { CometD } from 'cometd';
import { adapt } from 'cometd-nodejs-client';

const API_VERSION = '62.0';
const EVENT_CHANNEL = '/event/Lightspeed_Resync_Request__e';
const STEP_TIMEOUT_MS = 30_000;
const root = process.cwd();
const dll = path.join(root, 'dotnet/src/Lightbridge.Cli/bin/Release/net10.0/lightbridge.dll');

let passed = 0;
let failed = 0;
let checkNumber = 0;

/** Thrown by a check to record a skip (a known emulator deviation) instead of a failure. */
class EmulatorBug extends Error {}

function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

function withTimeout(promise, what, ms = STEP_TIMEOUT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function check(name, body) {
  checkNumber += 1;
  try {
    const detail = await body();
    passed += 1;
    console.log(`ok ${checkNumber} - ${name}${detail ? ` (${detail})` : ''}`);
  } catch (error) {
    const text = String(error?.message ?? error).replace(/\s+/g, ' ').slice(0, 500);
    if (error instanceof EmulatorBug) {
      console.log(`ok ${checkNumber} - ${name} # SKIP emulator bug: ${text}`);
    } else {
      failed += 1;
      console.log(`not ok ${checkNumber} - ${name}: ${text}`);
    }
  }
}

/** Starts `lightbridge emulate salesforce` on a port the OS picks and reads its banner. */
async function startEmulator() {
  assert(existsSync(dll), `${dll} is missing: build Lightbridge.Cli in Release first`);
  const child = spawn('dotnet', [dll, 'emulate', 'salesforce', '--port', '0', '--metadata', 'force-app',
    '--client-id', 'conformance-client', '--client-secret', 'conformance-secret'],
  { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr = [];
  child.stderr.on('data', (chunk) => stderr.push(chunk));
  const banner = {};
  const lines = readline.createInterface({ input: child.stdout });
  const ready = new Promise((resolve, reject) => {
    lines.on('line', (line) => {
      const match = /^\s*([A-Za-z ]+):\s*(\S.*)$/.exec(line);
      if (match) {
        banner[match[1].trim()] = match[2].trim();
      }
      if (line.includes('Press Ctrl+C to stop')) {
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(
      `emulator exited with ${code} before it was ready: ${Buffer.concat(stderr).toString().slice(0, 1000)}`)));
  });
  await withTimeout(ready, 'the emulator banner', 60_000);
  // The rest of stdout is drained so the emulator never blocks on a full pipe.
  lines.on('line', () => {});
  for (const key of ['Login URL', 'Instance URL', 'Client id', 'Client secret']) {
    assert(banner[key], `the emulator banner has no "${key}:" line`);
  }
  return { child, banner };
}

async function stopEmulator(child) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  try {
    await withTimeout(exited, 'the emulator to stop', 15_000);
  } catch {
    child.kill('SIGKILL');
  }
}

async function emulatorControl(instanceUrl, method, route) {
  const response = await fetch(`${instanceUrl}/__emulator/${route}`, { method });
  assert(response.ok, `${method} /__emulator/${route} answered ${response.status}`);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

// ---------------------------------------------------------------------------------------------- jsforce checks

async function queryWithPaging(conn) {
  const total = 2500;
  const records = Array.from({ length: total }, (_, i) => ({
    LastName: `Paging ${i}`,
    Lightspeed_Customer_Id__c: `PAGE-${String(i).padStart(5, '0')}`,
  }));
  // allowRecursive: jsforce splits into sObject Collections calls of 200.
  const created = await conn.sobject('Contact').create(records, { allowRecursive: true });
  const createFailures = created.filter((r) => !r.success);
  assert(created.length === total && createFailures.length === 0,
    `create returned ${created.length} results, ${createFailures.length} failed: ${JSON.stringify(createFailures[0])}`);

  let fetches = 0;
  const query = conn.query("SELECT Id, LastName, Lightspeed_Customer_Id__c FROM Contact "
    + "WHERE Lightspeed_Customer_Id__c LIKE 'PAGE-%' ORDER BY Lightspeed_Customer_Id__c");
  query.on('fetch', () => { fetches += 1; });
  const result = await query.run({ autoFetch: true, maxFetch: 10000 });
  assert(result.totalSize === total, `totalSize ${result.totalSize}, expected ${total}`);
  assert(result.records.length === total, `${result.records.length} records fetched, expected ${total}`);
  const ids = new Set(result.records.map((r) => r.Id));
  assert(ids.size === total, `${ids.size} distinct ids among ${total} records`);
  const createdIds = new Set(created.map((r) => r.id));
  assert(result.records.every((r) => createdIds.has(r.Id)), 'a queried id was not among the created ids');
  assert(result.records.every((r, i) => r.Lightspeed_Customer_Id__c === `PAGE-${String(i).padStart(5, '0')}`),
    'ORDER BY order broken across the page boundary');
  assert(fetches >= 2, `only ${fetches} page(s) fetched: queryMore did not happen`);

  // The first page on its own: not done, with a nextRecordsUrl that queryMore follows.
  const first = await conn.query('SELECT Id FROM Contact', { autoFetch: false });
  assert(first.done === false && typeof first.nextRecordsUrl === 'string',
    `first page done=${first.done} nextRecordsUrl=${first.nextRecordsUrl}`);
  const more = await conn.queryMore(first.nextRecordsUrl);
  assert(first.records.length + more.records.length === total && more.done === true,
    `queryMore gave ${more.records.length} records (done=${more.done}) after ${first.records.length}`);
  return `${total} records in ${fetches} pages, ${first.records.length} + ${more.records.length} via queryMore`;
}

async function upsertByExternalId(conn) {
  const contacts = conn.sobject('Contact');
  const keys = ['UPS-1', 'UPS-2', 'UPS-3'];
  const first = await contacts.upsert(
    keys.map((k) => ({ LastName: `Before ${k}`, Lightspeed_Customer_Id__c: k })), 'Lightspeed_Customer_Id__c');
  assert(first.length === keys.length, `${first.length} results for ${keys.length} records`);
  assert(first.every((r) => r.success && r.created === true && /^003[A-Za-z0-9]{15}$/.test(r.id)),
    `first upsert: ${JSON.stringify(first)}`);

  // Two existing keys and one new: created flags must say which is which.
  const second = await contacts.upsert([
    { LastName: 'After UPS-1', Lightspeed_Customer_Id__c: 'UPS-1' },
    { LastName: 'After UPS-3', Lightspeed_Customer_Id__c: 'UPS-3' },
    { LastName: 'New UPS-4', Lightspeed_Customer_Id__c: 'UPS-4' },
  ], 'Lightspeed_Customer_Id__c');
  assert(second.every((r) => r.success), `second upsert: ${JSON.stringify(second)}`);
  assert(second[0].created === false && second[0].id === first[0].id, `UPS-1: ${JSON.stringify(second[0])}`);
  assert(second[1].created === false && second[1].id === first[2].id, `UPS-3: ${JSON.stringify(second[1])}`);
  assert(second[2].created === true, `UPS-4: ${JSON.stringify(second[2])}`);

  // A single record goes through PATCH sobjects/Contact/Lightspeed_Customer_Id__c/UPS-2.
  const single = await contacts.upsert({ LastName: 'After UPS-2', Lightspeed_Customer_Id__c: 'UPS-2' },
    'Lightspeed_Customer_Id__c');
  assert(single.success && single.created === false, `single upsert: ${JSON.stringify(single)}`);

  const rows = await conn.query("SELECT Lightspeed_Customer_Id__c, LastName FROM Contact "
    + "WHERE Lightspeed_Customer_Id__c LIKE 'UPS-%' ORDER BY Lightspeed_Customer_Id__c");
  const names = rows.records.map((r) => `${r.Lightspeed_Customer_Id__c}=${r.LastName}`).join(',');
  assert(names === 'UPS-1=After UPS-1,UPS-2=After UPS-2,UPS-3=After UPS-3,UPS-4=New UPS-4', `stored: ${names}`);
  return 'created, then updated by Lightspeed_Customer_Id__c with the right created flags';
}

function csvField(value) {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

async function bulkUpsert(conn) {
  // Existing rows the job must update rather than create.
  await conn.sobject('Contact').create([
    { LastName: 'Old 0', Lightspeed_Customer_Id__c: 'BULK-0000' },
    { LastName: 'Old 1', Lightspeed_Customer_Id__c: 'BULK-0001' },
  ]);
  const good = Array.from({ length: 120 }, (_, i) => ({
    key: `BULK-${String(i).padStart(4, '0')}`,
    last: i === 7 ? 'Quote "and", comma' : `Bulk ${i}`,
    email: `bulk${i}@example.com`,
  }));
  const bad = [
    { key: 'BULK-BAD-EMAIL', last: 'Bad email', email: 'not an email', error: 'INVALID_EMAIL_ADDRESS' },
    { key: 'BULK-BAD-NAME', last: '', email: 'noname@example.com', error: 'REQUIRED_FIELD_MISSING' },
    { key: 'BULK-BAD-LONG', last: 'x'.repeat(81), email: 'long@example.com', error: 'STRING_TOO_LONG' },
  ];
  const rows = [...good.slice(0, 60), ...bad, ...good.slice(60)];
  const csv = ['LastName,Email,Lightspeed_Customer_Id__c',
    ...rows.map((r) => [r.last, r.email, r.key].map(csvField).join(','))].join('\n') + '\n';

  const results = await conn.bulk2.loadAndWaitForResults({
    object: 'Contact',
    operation: 'upsert',
    externalIdFieldName: 'Lightspeed_Customer_Id__c',
    lineEnding: 'LF',
    input: csv,
    pollInterval: 500,
    pollTimeout: 60_000,
  });
  const { successfulResults, failedResults, unprocessedRecords } = results;
  assert(successfulResults.length === good.length,
    `${successfulResults.length} successful results, expected ${good.length}`);
  assert(failedResults.length === bad.length, `${failedResults.length} failed results, expected ${bad.length}`);
  assert((unprocessedRecords ?? []).length === 0, `${unprocessedRecords.length} unprocessed records`);

  // Results are joined back by external id, never by position (the emulator shuffles them, as an org may).
  const byKey = new Map(successfulResults.map((r) => [r.Lightspeed_Customer_Id__c, r]));
  for (const row of good) {
    const result = byKey.get(row.key);
    assert(result, `no successful result for ${row.key}`);
    assert(/^003[A-Za-z0-9]{15}$/.test(result.sf__Id), `${row.key}: sf__Id ${result.sf__Id}`);
    const expectCreated = !(row.key === 'BULK-0000' || row.key === 'BULK-0001');
    assert(String(result.sf__Created) === String(expectCreated), `${row.key}: sf__Created ${result.sf__Created}`);
    assert(result.LastName === row.last, `${row.key}: LastName echoed as ${JSON.stringify(result.LastName)}`);
  }
  for (const row of bad) {
    const result = failedResults.find((r) => r.Lightspeed_Customer_Id__c === row.key);
    assert(result, `no failed result for ${row.key}`);
    assert(String(result.sf__Error).startsWith(`${row.error}:`), `${row.key}: sf__Error ${result.sf__Error}`);
  }
  const stored = await conn.query("SELECT LastName FROM Contact WHERE Lightspeed_Customer_Id__c = 'BULK-0007'");
  assert(stored.records[0]?.LastName === 'Quote "and", comma', `BULK-0007 stored as ${JSON.stringify(stored.records)}`);
  const count = await conn.query("SELECT COUNT() FROM Contact WHERE Lightspeed_Customer_Id__c LIKE 'BULK-%'");
  assert(count.totalSize === good.length, `${count.totalSize} BULK- contacts stored, expected ${good.length}`);
  return `${successfulResults.length} successful (2 updates), ${failedResults.length} failed: `
    + bad.map((r) => r.error).join(', ');
}

// ----------------------------------------------------------------------------------------------- CometD checks

/**
 * The replay extension as Salesforce describes it (shared/reference/salesforce-api.md, 3.2 and 3.5): the handshake
 * asks for replay with ext.replay = true, and only when the reply confirms it does the subscribe message carry
 * ext.replay = { channel: replayId }, where -1 means new events only, -2 everything retained, and a stored id resumes
 * after that event. The emulator must refuse a subscribe without the map, so the extension is really exercised.
 */
function replayExtension(replayFrom) {
  let serverSupportsReplay = false;
  return {
    incoming(message) {
      if (message.channel === '/meta/handshake') {
        serverSupportsReplay = message.successful === true && message.ext?.replay === true;
      }
      return message;
    },
    outgoing(message) {
      if (message.channel === '/meta/handshake') {
        message.ext = { ...message.ext, replay: true };
      } else if (message.channel === '/meta/subscribe' && serverSupportsReplay) {
        message.ext = { ...message.ext, replay: { [message.subscription]: replayFrom } };
      }
      return message;
    },
  };
}

function newCometd(instanceUrl, accessToken, replayFrom) {
  const cometd = new CometD();
  cometd.unregisterTransport('websocket');
  cometd.configure({
    url: `${instanceUrl}/cometd/${API_VERSION}`,
    requestHeaders: { Authorization: `Bearer ${accessToken}` },
    appendMessageTypeToURL: false,
    logLevel: 'warn',
  });
  cometd.registerExtension('replay', replayExtension(replayFrom));
  return cometd;
}

function handshake(cometd) {
  return withTimeout(new Promise((resolve, reject) => {
    cometd.handshake((reply) => (reply.successful ? resolve(reply)
      : reject(new Error(`handshake failed: ${JSON.stringify(reply)}`))));
  }), 'the handshake');
}

/** Subscribes and resolves with the subscribe reply; every event on the channel goes to `events`. */
function subscribe(cometd, events) {
  return withTimeout(new Promise((resolve, reject) => {
    cometd.subscribe(EVENT_CHANNEL, (message) => events.push(message), (reply) => (reply.successful
      ? resolve(reply) : reject(new Error(`subscribe failed: ${JSON.stringify(reply)}`))));
  }), 'the subscribe reply');
}

async function waitFor(events, predicate, what) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const found = events.find(predicate);
    if (found) {
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}; received ${JSON.stringify(events).slice(0, 300)}`);
}

function disconnect(cometd) {
  return withTimeout(new Promise((resolve) => cometd.disconnect(() => resolve())), 'the disconnect', 10_000)
    .catch(() => {});
}

async function cometdSubscribeAndReceive(conn, state) {
  const cometd = newCometd(conn.instanceUrl, conn.accessToken, -1);
  state.clients.push(cometd);
  const shake = await handshake(cometd);
  assert(typeof shake.clientId === 'string' && shake.clientId.length > 0, `handshake: ${JSON.stringify(shake)}`);
  assert(shake.ext?.replay === true, `handshake reply without ext.replay: ${JSON.stringify(shake.ext)}`);
  assert(cometd.getTransport()?.type === 'long-polling',
    `transport ${cometd.getTransport()?.type}, expected long-polling`);
  const events = [];
  await subscribe(cometd, events);

  const published = await conn.sobject('Lightspeed_Resync_Request__e').create({
    Scope__c: 'Customer', Lightspeed_Id__c: 'conformance-1', Reason__c: 'published by jsforce',
  });
  assert(published.success === true, `publish: ${JSON.stringify(published)}`);
  const event = await waitFor(events, (m) => m.data?.payload?.Lightspeed_Id__c === 'conformance-1',
    'the published event');
  assert(event.channel === EVENT_CHANNEL, `channel ${event.channel}`);
  const { replayId, EventUuid } = event.data.event ?? {};
  assert(Number.isInteger(replayId) && replayId > 0, `replayId ${replayId}`);
  assert(typeof EventUuid === 'string' && EventUuid.length > 0, `EventUuid ${EventUuid}`);
  assert(event.data.payload.Scope__c === 'Customer' && event.data.payload.Reason__c === 'published by jsforce',
    `payload ${JSON.stringify(event.data.payload)}`);
  assert(typeof event.data.payload.CreatedDate === 'string', 'payload without CreatedDate');
  state.first = { replayId, EventUuid };
  await disconnect(cometd);
  return `clientId ${shake.clientId.slice(0, 8)}…, replayId ${replayId}`;
}

async function cometdReplay(conn, state) {
  assert(state.first, 'the previous CometD check published no event');
  // A second event after the first, so a stored replay id has something to resume with.
  const second = await conn.sobject('Lightspeed_Resync_Request__e').create({
    Scope__c: 'Customer', Lightspeed_Id__c: 'conformance-2', Reason__c: 'second',
  });
  assert(second.success === true, `publish: ${JSON.stringify(second)}`);

  // -2: everything retained, so the first event comes again with the same replayId and EventUuid.
  const all = newCometd(conn.instanceUrl, conn.accessToken, -2);
  state.clients.push(all);
  await handshake(all);
  const allEvents = [];
  await subscribe(all, allEvents);
  const again = await waitFor(allEvents, (m) => m.data?.payload?.Lightspeed_Id__c === 'conformance-2',
    'both events replayed with -2');
  const firstAgain = allEvents.find((m) => m.data?.payload?.Lightspeed_Id__c === 'conformance-1');
  assert(firstAgain, 'replay -2 did not deliver the earlier event');
  assert(firstAgain.data.event.replayId === state.first.replayId
    && firstAgain.data.event.EventUuid === state.first.EventUuid,
  `replayed ${JSON.stringify(firstAgain.data.event)}, first delivery ${JSON.stringify(state.first)}`);
  assert(allEvents.indexOf(firstAgain) < allEvents.indexOf(again), 'events not in replayId order');
  await disconnect(all);

  // A stored replay id: delivery resumes after it, so only the second event arrives.
  const resumed = newCometd(conn.instanceUrl, conn.accessToken, state.first.replayId);
  state.clients.push(resumed);
  await handshake(resumed);
  const resumedEvents = [];
  await subscribe(resumed, resumedEvents);
  await waitFor(resumedEvents, (m) => m.data?.payload?.Lightspeed_Id__c === 'conformance-2',
    'the event after the stored replayId');
  const ids = resumedEvents.map((m) => m.data?.payload?.Lightspeed_Id__c);
  assert(!ids.includes('conformance-1'), `resuming after ${state.first.replayId} delivered ${ids}`);
  await disconnect(resumed);
  return `-2 replayed replayId ${state.first.replayId}; resuming after it delivered only the later event`;
}

// ------------------------------------------------------------------------------------------------------- main

async function main() {
  adapt();
  let emulator;
  const state = { clients: [] };
  try {
    emulator = await startEmulator();
    const { banner } = emulator;
    await emulatorControl(banner['Instance URL'], 'POST', 'reset');

    const conn = new jsforce.Connection({
      oauth2: {
        loginUrl: banner['Login URL'],
        clientId: banner['Client id'],
        clientSecret: banner['Client secret'],
        redirectUri: `${banner['Login URL']}/services/oauth2/callback`,
      },
      version: API_VERSION,
    });
    await check('jsforce authorizes with the client credentials grant', async () => {
      const user = await conn.authorize({ grant_type: 'client_credentials' });
      assert(conn.accessToken && conn.instanceUrl === banner['Instance URL'],
        `instanceUrl ${conn.instanceUrl}, expected ${banner['Instance URL']}`);
      assert(/^005/.test(user.id), `user id ${user.id}`);
      return `user ${user.id}`;
    });
    if (!conn.accessToken) {
      throw new Error('no access token: the remaining checks cannot run');
    }
    await check('jsforce query with paging (autoFetch, queryMore)', () => queryWithPaging(conn));
    await check('jsforce upsert by external id', () => upsertByExternalId(conn));
    await check('jsforce Bulk 2.0 upsert load with results', () => bulkUpsert(conn));
    await check('cometd handshake, subscribe (replay -1), receive a published event',
      () => cometdSubscribeAndReceive(conn, state));
    await check('cometd replay -2 and a stored replayId', () => cometdReplay(conn, state));
  } catch (error) {
    failed += 1;
    console.log(`not ok - setup: ${String(error?.message ?? error).slice(0, 500)}`);
  } finally {
    for (const client of state.clients) {
      if (!client.isDisconnected()) {
        client.disconnect();
      }
    }
    if (emulator) {
      await stopEmulator(emulator.child);
    }
  }
  console.log(`conformance: ${passed} passed, ${failed} failed`);
  // Held long-poll connects may keep sockets open after the emulator is gone: exit explicitly.
  process.exit(failed === 0 ? 0 : 1);
}

await main();
