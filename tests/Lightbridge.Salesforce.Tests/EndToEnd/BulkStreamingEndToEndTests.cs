using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Lightbridge.Salesforce.Tests.Bulk;
using static Lightbridge.Salesforce.Tests.EndToEnd.UpsertEndToEndTests;

namespace Lightbridge.Salesforce.Tests.EndToEnd;

/// <summary>
/// The streamed Bulk path against the emulator: uploads written as they are sent (chunked, split under the cap),
/// result files joined as they stream in, the async-enumerable overload, and what a job that ends early reports.
/// </summary>
[TestFixture]
public sealed class BulkStreamingEndToEndTests
{
    private static readonly string[] StoreColumns = ["Lightspeed_Shop_Id__c", "Name", "Store_Code__c"];

    [Test]
    public async Task BulkLoadAsync_StreamedRecordsPastTheUploadCap_OneResultPerJobJoinedByKey()
    {
        await using var org = await EmulatedOrg.StartAsync(o => o.ShuffleBulkResults = true);
        org.Control.LoadRecords("Lightspeed_Store__c", Enumerable.Range(0, 50).Select(i => new JsonObject { ["Lightspeed_Shop_Id__c"] = $"ST-{i:D4}", ["Name"] = "Old" }));
        var client = org.Client(bulkMaxUploadBytes: 1_000);
        // Every 13th row has a Name longer than the field's 80 characters, so it fails on its own.
        var records = Enumerable.Range(0, 400).Select(i => (IReadOnlyDictionary<string, object?>)Fields(
            ("Lightspeed_Shop_Id__c", $"ST-{i:D4}"),
            ("Name", i % 13 == 4 ? new string('n', 81) : $"Store {i}"))).ToList();

        var jobs = new List<BulkJobResult>();
        await foreach (var job in client.BulkLoadAsync("Lightspeed_Store__c", BulkOperation.Upsert, BulkCsvUploadContentTests.ToAsync(records), StoreColumns, "Lightspeed_Shop_Id__c"))
        {
            jobs.Add(job);
        }

        var all = jobs.SelectMany(j => j.Records).ToList();
        var stored = org.Control.Query("SELECT Id, Lightspeed_Shop_Id__c, Name FROM Lightspeed_Store__c")["records"]!.AsArray()
            .ToDictionary(r => (string)r!["Lightspeed_Shop_Id__c"]!, r => (Id: (string)r!["Id"]!, Name: (string?)r!["Name"]));
        var failing = Enumerable.Range(0, 400).Where(i => i % 13 == 4).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(jobs, Has.Count.GreaterThan(5), "1,000-byte uploads hold about 40 rows each");
            Assert.That(jobs.Select(j => j.JobId), Is.Unique);
            Assert.That(all.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, 400)), "each record once, in stream order");
            Assert.That(all.Select(r => r.ExternalId), Is.EqualTo(records.Select(r => (string)r["Lightspeed_Shop_Id__c"]!)));
            Assert.That(all.Where(r => !r.Success).Select(r => r.Index), Is.EqualTo(failing));
            Assert.That(all.Where(r => !r.Success).Select(r => r.Errors.Single().StatusCode).Distinct(), Is.EqualTo(new[] { "STRING_TOO_LONG" }));
            var written = all.Where(r => r.Success).ToList();
            Assert.That(written.Select(r => r.Id), Is.EqualTo(written.Select(r => stored[r.ExternalId].Id)), "each Id is the one stored under that row's key");
            Assert.That(written.Select(r => r.Created), Is.EqualTo(written.Select(r => (bool?)(r.Index >= 50))));
            Assert.That(written.Select(r => stored[r.ExternalId].Name), Is.EqualTo(written.Select(r => $"Store {r.Index}")));
            Assert.That(org.Control.Counters.GetValueOrDefault("bulk.upload"), Is.EqualTo(jobs.Count), "one upload per job");
        });
    }

    [Test]
    public async Task BulkLoadAsync_ValuesWithQuotesCommasAndLineBreaks_RoundTripUnchanged()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();
        string[] names = ["He said \"hi\", then\nleft", "a,b,c", "\"quoted\"", "line\r\nbreak", "Müller, ☕ \"café\"", "trailing,"];
        var records = names.Select((name, i) => (IReadOnlyDictionary<string, object?>)Fields(("Lightspeed_Shop_Id__c", $"Q-{i}"), ("Name", name), ("Store_Code__c", null))).ToList();

        var result = await client.BulkLoadAsync("Lightspeed_Store__c", BulkOperation.Upsert, records, "Lightspeed_Shop_Id__c");

        var stored = org.Control.Query("SELECT Lightspeed_Shop_Id__c, Name, Store_Code__c FROM Lightspeed_Store__c")["records"]!.AsArray()
            .ToDictionary(r => (string)r!["Lightspeed_Shop_Id__c"]!, r => ((string?)r!["Name"], (string?)r!["Store_Code__c"]));
        Assert.Multiple(() =>
        {
            Assert.That(result.Records.All(r => r.Success), Is.True, string.Join("; ", result.Records.SelectMany(r => r.Errors).Select(e => e.Message)));
            Assert.That(names.Select((_, i) => stored[$"Q-{i}"].Item1), Is.EqualTo(names));
            Assert.That(stored.Values.Select(v => v.Item2), Is.All.Null, "#N/A is null");
        });
    }

    [Test]
    public async Task BulkLoadAsync_JobFailsBeforeProcessing_ThrowsWithEveryRecordUnprocessed()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();
        // A column the object lacks fails the whole job (InvalidBatch); the server lists every row as unprocessed.
        var records = Enumerable.Range(0, 40).Select(i => (IReadOnlyDictionary<string, object?>)Fields(("Lightspeed_Shop_Id__c", $"AB-{i}"), ("Name", "A"), ("Not_A_Field__c", "x"))).ToList();

        var ex = Assert.ThrowsAsync<BulkJobFailedException>(() => client.BulkLoadAsync("Lightspeed_Store__c", BulkOperation.Upsert, records, "Lightspeed_Shop_Id__c"));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.State, Is.EqualTo(BulkJobState.Failed));
            Assert.That(ex.ErrorMessage, Does.Contain("Not_A_Field__c"));
            Assert.That(ex.Records.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, 40)));
            Assert.That(ex.Records.Select(r => r.ExternalId), Is.EqualTo(records.Select(r => (string)r["Lightspeed_Shop_Id__c"]!)));
            Assert.That(ex.Records.Select(r => r.Errors.Single().StatusCode), Is.All.EqualTo("UNPROCESSED"));
            Assert.That(org.Control.Query("SELECT COUNT() FROM Lightspeed_Store__c")["totalSize"]!.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public async Task BulkLoadAsync_StreamedRecordOutsideTheColumns_AbortsTheJobAndNamesRecordAndField()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();
        var records = Enumerable.Range(0, 30).Select(i => (IReadOnlyDictionary<string, object?>)(i == 17
            ? Fields(("Lightspeed_Shop_Id__c", $"OC-{i}"), ("Name", "X"), ("Time_Zone__c", "UTC"))
            : Fields(("Lightspeed_Shop_Id__c", $"OC-{i}"), ("Name", "X")))).ToList();

        var ex = Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var _ in client.BulkLoadAsync("Lightspeed_Store__c", BulkOperation.Upsert, BulkCsvUploadContentTests.ToAsync(records), StoreColumns, "Lightspeed_Shop_Id__c"))
            {
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("Record 17").And.Contain("Time_Zone__c"));
            Assert.That(org.Control.Counters.GetValueOrDefault("bulk.state"), Is.EqualTo(1), "one PATCH: the abort, never the close");
            Assert.That(org.Control.Query("SELECT COUNT() FROM Lightspeed_Store__c")["totalSize"]!.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public async Task BulkLoadAsync_UploadSent_ChunkedCsvWithoutBomAndAllRows()
    {
        var hook = new RequestHookHandler();
        MediaTypeHeaderValue? contentType = null;
        bool? chunked = null;
        hook.OnRequest = request =>
        {
            if (request.Method == HttpMethod.Put)
            {
                contentType = request.Content!.Headers.ContentType;
                chunked = request.Content.Headers.ContentLength is null;
            }
        };
        await using var org = await EmulatedOrg.StartAsync(handler: hook);
        var client = org.Client();
        var records = Enumerable.Range(0, 2_000).Select(i => (IReadOnlyDictionary<string, object?>)Fields(("Lightspeed_Shop_Id__c", $"CH-{i}"), ("Name", $"N{i}"))).ToList();

        var result = await client.BulkLoadAsync("Lightspeed_Store__c", BulkOperation.Upsert, records, "Lightspeed_Shop_Id__c");

        Assert.Multiple(() =>
        {
            Assert.That(result.Records.Count(r => r.Success), Is.EqualTo(2_000));
            Assert.That(contentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(chunked, Is.True, "the length is not known before the body is written");
            Assert.That(org.Control.Query("SELECT COUNT() FROM Lightspeed_Store__c")["totalSize"]!.GetValue<int>(), Is.EqualTo(2_000));
        });
    }
}
