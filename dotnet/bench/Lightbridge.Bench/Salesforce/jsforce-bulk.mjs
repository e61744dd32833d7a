// jsforce side of the salesforce-bulk benchmark: loads a CSV of Contacts with conn.bulk2.loadAndWaitForResults
// (Bulk API 2.0 upsert on Lightspeed_Customer_Id__c) and prints one JSON line with its own elapsed time and RSS.
//
//   node jsforce-bulk.mjs <loginUrl> <clientId> <clientSecret> <csvPath> <nodeModulesDir> [pollIntervalMs]
//
// <nodeModulesDir> is the folder holding jsforce (tests/conformance/node_modules, or this folder's own
// node_modules when that install is absent): the script is outside both trees, so Node's lookup would not find it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [loginUrl, clientId, clientSecret, csvPath, modulesDir, pollArg] = process.argv.slice(2);
if (!modulesDir) {
  console.error('usage: node jsforce-bulk.mjs <loginUrl> <clientId> <clientSecret> <csvPath> <nodeModulesDir> [pollIntervalMs]');
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(modulesDir), 'resolve-anchor.js'));
const jsforce = require('jsforce');
const pollInterval = Number(pollArg ?? 500);

const conn = new jsforce.Connection({
  oauth2: { loginUrl, clientId, clientSecret, redirectUri: `${loginUrl}/services/oauth2/callback` },
  version: '62.0',
});
await conn.authorize({ grant_type: 'client_credentials' });

// The rows are in memory before the baseline, as the .NET side's record list is: both figures are the load's cost.
const csv = readFileSync(csvPath, 'utf8');
const rows = csv.split('\n').length - 2;
globalThis.gc?.();
const baselineRss = process.memoryUsage().rss;
let peakRss = baselineRss;
const sample = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };
const sampler = setInterval(sample, 50);

const started = process.hrtime.bigint();
const results = await conn.bulk2.loadAndWaitForResults({
  object: 'Contact',
  operation: 'upsert',
  externalIdFieldName: 'Lightspeed_Customer_Id__c',
  lineEnding: 'LF',
  input: csv,
  pollInterval,
  pollTimeout: 600_000,
});
const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
sample();
clearInterval(sampler);

console.log(JSON.stringify({
  rows,
  elapsedMs,
  baselineRss,
  peakRss,
  successful: results.successfulResults.length,
  failed: results.failedResults.length,
  unprocessed: (results.unprocessedRecords ?? []).length,
}));
