// BatchWriteRecord, ListRecords and GetRecord through the AWS SDK for JavaScript v3 against a local
// Feature Workbench endpoint. JavaScriptSdkIT starts the server on a fresh workspace with two groups:
//   customers: customer_id (String id), event_time (String), age (Integral), score (Fractional)
//   orders:    order_id (Integral id), ts (Fractional event time), amount (Fractional)
// Usage: node walkthrough.js http://127.0.0.1:PORT
// Every response is checked; the exit code is the number of failed checks (0 = all passed).
'use strict';

const {
  SageMakerFeatureStoreRuntimeClient,
  BatchWriteRecordCommand,
  ListRecordsCommand,
  GetRecordCommand,
  DeleteRecordCommand,
  paginateListRecords,
} = require('@aws-sdk/client-sagemaker-featurestore-runtime');

const endpoint = process.argv[2];
if (!endpoint) {
  console.error('usage: node walkthrough.js http://127.0.0.1:PORT');
  process.exit(64);
}
const client = new SageMakerFeatureStoreRuntimeClient({
  endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-secret' },
  maxAttempts: 1, // a failure must show at once, not after the SDK's retries
});

let failures = 0;
function check(condition, what, detail) {
  if (condition) {
    console.log('ok   ' + what);
  } else {
    failures++;
    console.log('FAIL ' + what + (detail === undefined ? '' : ': ' + JSON.stringify(detail)));
  }
}
function same(actual, expected, what) {
  check(JSON.stringify(actual) === JSON.stringify(expected), what,
    { expected, actual });
}
async function rejects(promise, name, status, what) {
  try {
    const result = await promise;
    check(false, what + ' (expected ' + name + ')', result);
  } catch (e) {
    check(e.name === name && e.$metadata && e.$metadata.httpStatusCode === status,
      what + ' -> ' + e.name + ' ' + (e.$metadata && e.$metadata.httpStatusCode) + ': ' + e.message,
      { name: e.name, message: e.message });
    check(typeof e.message === 'string' && e.message.length > 10 && !/Exception:|\bat org\./.test(e.message),
      what + ' has a message in words', e.message);
  }
}

const now = Math.floor(Date.now() / 1000);
const iso = (seconds) => new Date(seconds * 1000).toISOString();
const id = (n) => 'c' + String(n).padStart(2, '0');
const customer = (n, seconds) => ({
  FeatureGroupName: 'customers',
  Record: [
    { FeatureName: 'customer_id', ValueAsString: id(n) },
    { FeatureName: 'event_time', ValueAsString: iso(seconds) },
    { FeatureName: 'age', ValueAsString: String(20 + n) },
    { FeatureName: 'score', ValueAsString: String(n / 4) },
  ],
});
const order = (orderId, amount) => ({
  FeatureGroupName: 'orders',
  Record: [
    { FeatureName: 'order_id', ValueAsString: orderId },
    { FeatureName: 'ts', ValueAsString: String(now) },
    { FeatureName: 'amount', ValueAsString: amount },
  ],
});

async function listAll(group, pageSize, includeDeleted) {
  const pages = [];
  let token;
  do {
    const page = await client.send(new ListRecordsCommand({
      FeatureGroupName: group, MaxResults: pageSize, NextToken: token, IncludeSoftDeletedRecords: includeDeleted,
    }));
    pages.push(page.RecordIdentifiers);
    token = page.NextToken;
  } while (token);
  return pages;
}

async function main() {
  // BatchWriteRecord: 25 entries (the most allowed) across two groups; two cannot be written.
  const entries = [];
  for (let n = 1; n <= 21; n++) entries.push(customer(n, now));
  entries.push(order('10', '99.5'), order('2', '12.25'));
  entries.push(order('3', 'not-a-number'));
  entries.push({ ...customer(99, now), FeatureGroupName: 'no-such-group' });
  const written = await client.send(new BatchWriteRecordCommand({ Entries: entries }));
  same(written.$metadata.httpStatusCode, 200, 'BatchWriteRecord of 25 entries answers 200');
  same(written.Errors.map((e) => e.ErrorCode), ['ValidationError', 'ResourceNotFound'],
    'BatchWriteRecord reports the bad value and the unknown group per entry');
  same(written.Errors.map((e) => e.Entry.FeatureGroupName), ['orders', 'no-such-group'],
    'each error echoes its entry');
  same(written.Errors[0].Entry.Record[2], { FeatureName: 'amount', ValueAsString: 'not-a-number' },
    'the echoed entry carries the record as sent');
  check(/amount/.test(written.Errors[0].ErrorMessage), 'the error message names the feature', written.Errors[0]);
  same(written.UnprocessedEntries, [], 'no entry is unprocessed');

  await rejects(client.send(new BatchWriteRecordCommand({ Entries: [...entries, customer(26, now)] })),
    'ValidationError', 400, 'BatchWriteRecord of 26 entries');

  // ListRecords: record-id order, pages of MaxResults, NextToken until the last page.
  const pages = await listAll('customers', 5, false);
  same(pages.map((p) => p.length), [5, 5, 5, 5, 1], 'ListRecords pages 21 customers by 5');
  same(pages.flat(), Array.from({ length: 21 }, (_, i) => id(i + 1)), 'ListRecords lists every id once, in id order');
  const viaPaginator = [];
  for await (const page of paginateListRecords({ client, pageSize: 8 }, { FeatureGroupName: 'customers' })) {
    viaPaginator.push(...page.RecordIdentifiers);
  }
  same(viaPaginator.length, 21, "the SDK's own paginateListRecords walks all 21");
  same((await listAll('orders', 10, false)).flat(), ['2', '10'], 'Integral ids are listed in numeric order');
  const arn = 'arn:aws:sagemaker:us-east-1:123456789012:feature-group/orders';
  same((await listAll(arn, 1, false)).flat(), ['2', '10'], 'ListRecords takes the group by ARN too');

  // GetRecord returns what BatchWriteRecord wrote.
  const got = await client.send(new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c07' }));
  same(got.Record, customer(7, now).Record, 'GetRecord returns the batch-written record');

  // Deletes: soft-deleted records are listed only when asked for, hard-deleted ones never.
  await client.send(new DeleteRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c02',
    EventTime: iso(now + 1) }));
  await client.send(new DeleteRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c03',
    EventTime: iso(now + 1), DeletionMode: 'HardDelete' }));
  const live = (await listAll('customers', 100, false)).flat();
  const withDeleted = (await listAll('customers', 7, true)).flat();
  check(live.length === 19 && !live.includes('c02') && !live.includes('c03'),
    'without IncludeSoftDeletedRecords: 19 ids, neither c02 nor c03', live);
  check(withDeleted.length === 20 && withDeleted.includes('c02') && !withDeleted.includes('c03'),
    'with IncludeSoftDeletedRecords: c02 is back, hard-deleted c03 is not', withDeleted);
  const deleted = await client.send(new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c02' }));
  same(deleted.Record, undefined, 'GetRecord of the soft-deleted record is empty');

  // TTLs: the request's TtlDuration for entries without one, an entry's own otherwise.
  const ttl = await client.send(new BatchWriteRecordCommand({
    TtlDuration: { Unit: 'Hours', Value: 1 },
    Entries: [customer(22, now), { ...customer(23, now), TtlDuration: { Unit: 'Minutes', Value: 5 } }],
  }));
  same(ttl.Errors, [], 'BatchWriteRecord with TtlDuration writes both entries');
  const byArn = await client.send(new BatchWriteRecordCommand({ Entries: [{ ...order('7', '1.5'), FeatureGroupName: arn }] }));
  same([byArn.Errors, byArn.UnprocessedEntries], [[], []], 'BatchWriteRecord takes an entry\'s group by ARN');
  for (const [n, seconds] of [[22, 3600], [23, 300]]) {
    const r = await client.send(new GetRecordCommand({ FeatureGroupName: 'customers',
      RecordIdentifierValueAsString: id(n), ExpirationTimeResponse: 'Enabled' }));
    same(Date.parse(r.ExpiresAt), (now + seconds) * 1000, id(n) + ' expires ' + seconds + ' s after its event time');
  }

  // Errors arrive as the SDK's own exceptions.
  await rejects(client.send(new ListRecordsCommand({ FeatureGroupName: 'no-such-group' })),
    'ResourceNotFound', 404, 'ListRecords of an unknown group');
  await rejects(client.send(new ListRecordsCommand({ FeatureGroupName: 'customers', NextToken: 'bogus' })),
    'ValidationError', 400, 'ListRecords with a NextToken it never gave');
  await rejects(client.send(new ListRecordsCommand({ FeatureGroupName: 'customers', MaxResults: 0 })),
    'ValidationError', 400, 'ListRecords with MaxResults 0');
}

main().then(() => {
  console.log(failures === 0 ? 'all checks passed' : failures + ' check(s) failed');
  process.exit(Math.min(failures, 63));
}, (e) => {
  console.log('FAIL unexpected error: ' + e.name + ': ' + e.message);
  process.exit(70);
});
