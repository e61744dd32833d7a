using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Control;
using static Lightbridge.Salesforce.Tests.EndToEnd.UpsertEndToEndTests;

namespace Lightbridge.Salesforce.Tests.EndToEnd;

/// <summary>
/// Bulk API 2.0 loads through the client against the emulator's ingest state machine (reference §1): results that
/// come back shuffled are joined on the external ID, row failures are values, job failures and cancellation end the job.
/// </summary>
[TestFixture]
public sealed class BulkEndToEndTests
{
    [Test]
    public async Task BulkLoadAsync_TenThousandRowUpsert_ResultsJoinedByExternalId()
    {
        await using var org = await EmulatedOrg.StartAsync(o => o.ShuffleBulkResults = true);
        org.LoadStores(3);
        var existing = org.Control.LoadRecords("Lightspeed_Sale__c", Enumerable.Range(0, 1_000).Select(i => new JsonObject { ["Lightspeed_Sale_Id__c"] = $"B-{i:D5}" }));
        var client = org.Client();
        // Every 97th row names a picklist value the package does not allow, so it fails on its own.
        var records = Enumerable.Range(0, 10_000).Select(i => (IReadOnlyDictionary<string, object?>)Fields(
            ("Lightspeed_Sale_Id__c", $"B-{i:D5}"),
            ("Status__c", i % 97 == 5 ? "Lost" : "Completed"),
            ("Total__c", i / 4m),
            ("Store__r", new ExternalIdReference("Lightspeed_Shop_Id__c", $"S-{i % 3}")))).ToList();

        var result = await client.BulkLoadAsync("Lightspeed_Sale__c", BulkOperation.Upsert, records, "Lightspeed_Sale_Id__c");
        var limits = await client.GetLimitsAsync();

        var stored = org.Control.Query("SELECT Id, Lightspeed_Sale_Id__c, Total__c FROM Lightspeed_Sale__c")["records"]!.AsArray()
            .ToDictionary(r => (string)r!["Lightspeed_Sale_Id__c"]!, r => (Id: (string)r!["Id"]!, Total: (decimal?)r!["Total__c"]));
        var failing = Enumerable.Range(0, 10_000).Where(i => i % 97 == 5).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.JobIds, Has.Count.EqualTo(1));
            Assert.That(limits.DailyBulkApiBatches!.Used, Is.EqualTo(1), "10,000 rows are one batch of the daily allocation");
            Assert.That(result.Records.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, 10_000)));
            Assert.That(result.Records.Select(r => r.ExternalId), Is.EqualTo(records.Select(r => (string)r["Lightspeed_Sale_Id__c"]!)));
            Assert.That(result.Records.Where(r => !r.Success).Select(r => r.Index), Is.EqualTo(failing));
            Assert.That(result.Records.Where(r => !r.Success).SelectMany(r => r.Errors).Select(e => e.StatusCode).Distinct(), Is.EqualTo(new[] { "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST" }));
            var written = result.Records.Where(r => r.Success).ToList();
            Assert.That(written.Select(r => r.Id), Is.EqualTo(written.Select(r => stored[r.ExternalId].Id)), "each Id is the one stored under that row's key");
            Assert.That(written.Where(r => r.Index < 1_000).Select(r => r.Id), Is.EqualTo(existing.Where((_, i) => !failing.Contains(i))));
            Assert.That(written.Select(r => r.Created), Is.EqualTo(written.Select(r => (bool?)(r.Index >= 1_000))));
            Assert.That(written.Select(r => stored[r.ExternalId].Total), Is.EqualTo(written.Select(r => (decimal?)(r.Index / 4m))));
        });
    }

    [Test]
    public async Task BulkLoadAsync_NoRecordFailed_OnlyTheSuccessfulFileIsRead()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();
        var records = Enumerable.Range(0, 50).Select(i => (IReadOnlyDictionary<string, object?>)Fields(("Lightspeed_Shop_Id__c", $"C-{i}"), ("Name", $"Store {i}"))).ToList();

        var result = await client.BulkLoadAsync("Lightspeed_Store__c", BulkOperation.Upsert, records, "Lightspeed_Shop_Id__c");

        Assert.Multiple(() =>
        {
            Assert.That(Counter(org, "bulk.results"), Is.EqualTo(1), "the job's counts say the failed and unprocessed files are empty");
            Assert.That(result.Records.All(r => r.Success && r.Created == true && r.Id is not null), Is.True);
        });
    }

    [Test]
    public async Task BulkLoadAsync_FailuresOnlyNoneFailed_NoResultFileReadAndEveryRecordWritten()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();
        var records = Enumerable.Range(0, 50).Select(i => (IReadOnlyDictionary<string, object?>)Fields(("Lightspeed_Shop_Id__c", $"N-{i}"), ("Name", $"Store {i}"))).ToList();

        var result = await client.BulkLoadAsync("Lightspeed_Store__c", BulkOperation.Upsert, records, "Lightspeed_Shop_Id__c", BulkResultDetail.FailuresOnly);

        Assert.Multiple(() =>
        {
            Assert.That(Counter(org, "bulk.results"), Is.Zero);
            Assert.That(Counter(org, "bulk.create"), Is.EqualTo(1));
            Assert.That(result.Records.Select(r => r.ExternalId), Is.EqualTo(records.Select(r => (string)r["Lightspeed_Shop_Id__c"]!)));
            Assert.That(result.Records.All(r => r.Success && r.Id is null && r.Created is null), Is.True, "no Id or created flag was asked for");
            Assert.That(org.Control.Query("SELECT COUNT() FROM Lightspeed_Store__c")["totalSize"]!.GetValue<int>(), Is.EqualTo(50));
        });
    }

    [Test]
    public async Task BulkLoadAsync_FailuresOnlySomeFailed_FailuresJoinedWithoutTheSuccessfulFile()
    {
        await using var org = await EmulatedOrg.StartAsync(o => o.ShuffleBulkResults = true);
        org.LoadStores(3);
        var client = org.Client();
        var records = Enumerable.Range(0, 300).Select(i => (IReadOnlyDictionary<string, object?>)Fields(
            ("Lightspeed_Sale_Id__c", $"F-{i:D4}"),
            ("Status__c", i % 37 == 3 ? "Lost" : "Completed"),
            ("Store__r", new ExternalIdReference("Lightspeed_Shop_Id__c", $"S-{i % 3}")))).ToList();

        var result = await client.BulkLoadAsync("Lightspeed_Sale__c", BulkOperation.Upsert, records, "Lightspeed_Sale_Id__c", BulkResultDetail.FailuresOnly);

        var failing = Enumerable.Range(0, 300).Where(i => i % 37 == 3).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Counter(org, "bulk.results"), Is.EqualTo(2), "failed and unprocessed files; the counts tell the rest went through");
            Assert.That(result.Records.Where(r => !r.Success).Select(r => r.Index), Is.EqualTo(failing));
            Assert.That(result.Records.Where(r => !r.Success).SelectMany(r => r.Errors).Select(e => e.StatusCode).Distinct(), Is.EqualTo(new[] { "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST" }));
            Assert.That(result.Records.Count(r => r.Success), Is.EqualTo(300 - failing.Count));
            Assert.That(org.Control.Query("SELECT COUNT() FROM Lightspeed_Sale__c")["totalSize"]!.GetValue<int>(), Is.EqualTo(300 - failing.Count));
        });
    }

    private static long Counter(EmulatedOrg org, string name) => org.Control.Counters.TryGetValue(name, out var value) ? value : 0;

    [Test]
    public async Task BulkLoadAsync_TypedValuesAndNull_StoredAsTheOrgReadsThem()
    {
        await using var org = await EmulatedOrg.StartAsync();
        org.Control.LoadRecords("Lightspeed_Sale__c", [new JsonObject { ["Lightspeed_Sale_Id__c"] = "T-1", ["Register__c"] = "Front", ["Ticket_Number__c"] = "7" }]);
        var client = org.Client();
        var saleTime = new DateTimeOffset(2026, 3, 14, 15, 9, 26, 535, TimeSpan.FromHours(2));
        var records = new[]
        {
            (IReadOnlyDictionary<string, object?>)Fields(
                ("Lightspeed_Sale_Id__c", "T-1"), ("Sale_Time__c", saleTime), ("Is_Refund__c", true), ("Total__c", 12.5m),
                ("Register__c", null), ("Channel__c", "Web"), ("Ticket_Number__c", "a \"quoted\", multi\nline ticket")),
        };

        var result = await client.BulkLoadAsync("Lightspeed_Sale__c", BulkOperation.Upsert, records, "Lightspeed_Sale_Id__c");

        var stored = org.Control.Query("SELECT Sale_Time__c, Is_Refund__c, Total__c, Register__c, Channel__c, Ticket_Number__c FROM Lightspeed_Sale__c")["records"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Records.Single().Created, Is.False);
            Assert.That(DateTimeOffset.Parse((string)stored["Sale_Time__c"]!, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(saleTime));
            Assert.That((bool?)stored["Is_Refund__c"], Is.True);
            Assert.That((decimal?)stored["Total__c"], Is.EqualTo(12.5m));
            Assert.That(stored["Register__c"], Is.Null, "#N/A clears the field");
            Assert.That((string?)stored["Channel__c"], Is.EqualTo("Web"));
            Assert.That((string?)stored["Ticket_Number__c"], Is.EqualTo("a \"quoted\", multi\nline ticket"));
        });
    }

    [Test]
    public async Task BulkLoadAsync_PastTheUploadCap_SplitOverSeveralJobsAndJoined()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client(bulkMaxUploadBytes: 2_000);
        var records = Enumerable.Range(0, 300).Select(i => (IReadOnlyDictionary<string, object?>)Fields(("Lightspeed_Shop_Id__c", $"SPLIT-{i:D4}"), ("Name", $"Store number {i}"))).ToList();

        var result = await client.BulkLoadAsync("Lightspeed_Store__c", BulkOperation.Upsert, records, "Lightspeed_Shop_Id__c");

        Assert.Multiple(() =>
        {
            Assert.That(result.JobIds, Has.Count.GreaterThan(1));
            Assert.That(result.JobIds, Is.Unique);
            Assert.That(result.Records.All(r => r.Success && r.Created == true), Is.True);
            Assert.That(result.Records.Select(r => r.ExternalId), Is.EqualTo(records.Select(r => (string)r["Lightspeed_Shop_Id__c"]!)));
            Assert.That(org.Control.Query("SELECT COUNT() FROM Lightspeed_Store__c")["totalSize"]!.GetValue<int>(), Is.EqualTo(300));
        });
    }

    [Test]
    public async Task BulkLoadAsync_UnknownColumn_ThrowsJobFailedWithTheServerMessage()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();
        var records = Enumerable.Range(0, 10).Select(i => (IReadOnlyDictionary<string, object?>)Fields(("Lightspeed_Shop_Id__c", $"F-{i}"), ("Not_A_Field__c", "x"))).ToList();

        var ex = Assert.ThrowsAsync<BulkJobFailedException>(() => client.BulkLoadAsync("Lightspeed_Store__c", BulkOperation.Upsert, records, "Lightspeed_Shop_Id__c"));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.State, Is.EqualTo(BulkJobState.Failed));
            Assert.That(ex.ErrorMessage, Does.Contain("InvalidBatch").And.Contain("Not_A_Field__c"));
            Assert.That(ex.Message, Does.Contain("Not_A_Field__c"));
            Assert.That(org.Control.Query("SELECT COUNT() FROM Lightspeed_Store__c")["totalSize"]!.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public async Task BulkLoadAsync_DailyBatchesSpent_ThrowsJobFailedWithExceededQuota()
    {
        await using var org = await EmulatedOrg.StartAsync(o => o.DailyBulkBatches = 0);
        var client = org.Client();
        var records = new[] { (IReadOnlyDictionary<string, object?>)Fields(("Lightspeed_Shop_Id__c", "Q-1"), ("Name", "Q")) };

        var ex = Assert.ThrowsAsync<BulkJobFailedException>(() => client.BulkLoadAsync("Lightspeed_Store__c", BulkOperation.Upsert, records, "Lightspeed_Shop_Id__c"));

        Assert.That(ex!.ErrorMessage, Does.Contain("ExceededQuota"));
    }

    [Test]
    public async Task BulkLoadAsync_CancelledDuringUpload_AbortsTheJob()
    {
        using var cancel = new CancellationTokenSource();
        var hook = new RequestHookHandler();
        string? jobPath = null;
        System.Net.Http.Headers.AuthenticationHeaderValue? authorization = null;
        hook.OnRequest = request =>
        {
            var path = request.RequestUri!.AbsolutePath;
            if (request.Method == HttpMethod.Put && path.EndsWith("/batches", StringComparison.Ordinal))
            {
                jobPath = path[..^"/batches".Length];
                authorization = request.Headers.Authorization;
                cancel.Cancel();
            }
        };
        await using var org = await EmulatedOrg.StartAsync(handler: hook);
        var client = org.Client();
        var records = Enumerable.Range(0, 50).Select(i => (IReadOnlyDictionary<string, object?>)Fields(("Lightspeed_Shop_Id__c", $"X-{i}"), ("Name", "X"))).ToList();

        Assert.That(
            async () => await client.BulkLoadAsync("Lightspeed_Store__c", BulkOperation.Upsert, records, "Lightspeed_Shop_Id__c", cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());

        Assert.That(jobPath, Is.Not.Null);
        hook.OnRequest = null;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(org.Emulator.InstanceUrl, jobPath));
        request.Headers.Authorization = authorization;
        using var response = await org.Http.SendAsync(request);
        var job = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)job["state"], Is.EqualTo("Aborted"));
            Assert.That(org.Control.Counters.GetValueOrDefault("bulk.state"), Is.EqualTo(1), "one PATCH: the abort, never the close");
            Assert.That(org.Control.Query("SELECT COUNT() FROM Lightspeed_Store__c")["totalSize"]!.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public async Task BulkLoadAsync_SessionsExpiredWhilePolling_ReauthenticatesAndCompletes()
    {
        var hook = new RequestHookHandler();
        await using var org = await EmulatedOrg.StartAsync(handler: hook);
        var expired = 0;
        hook.OnRequest = request =>
        {
            if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.Contains("/jobs/ingest/", StringComparison.Ordinal) && Interlocked.Exchange(ref expired, 1) == 0)
            {
                org.Control.ExpireAllSessions();
            }
        };
        var client = org.Client();
        var records = Enumerable.Range(0, 20).Select(i => (IReadOnlyDictionary<string, object?>)Fields(("Lightspeed_Shop_Id__c", $"E-{i}"), ("Name", "E"))).ToList();

        var result = await client.BulkLoadAsync("Lightspeed_Store__c", BulkOperation.Upsert, records, "Lightspeed_Shop_Id__c");

        Assert.That(result.Records.All(r => r.Success), Is.True);
        Assert.That(client.Statistics.TokenRequests, Is.EqualTo(2));
    }

    [Test]
    public async Task BulkLoadAsync_LockedRows_ReportedAsTransientFailuresOfThoseRows()
    {
        await using var org = await EmulatedOrg.StartAsync();
        org.Control.SetFaults(new FaultSettings { LockRowRate = 0.1 });
        var client = org.Client();
        var records = Enumerable.Range(0, 500).Select(i => (IReadOnlyDictionary<string, object?>)Fields(("Lightspeed_Shop_Id__c", $"LK-{i}"), ("Name", "L"))).ToList();

        var result = await client.BulkLoadAsync("Lightspeed_Store__c", BulkOperation.Upsert, records, "Lightspeed_Shop_Id__c");

        var failed = result.Records.Where(r => !r.Success).ToList();
        var stored = org.Control.Query("SELECT Lightspeed_Shop_Id__c FROM Lightspeed_Store__c")["records"]!.AsArray().Select(r => (string)r!["Lightspeed_Shop_Id__c"]!).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(failed, Is.Not.Empty);
            Assert.That(failed.All(r => r.IsTransientFailure), Is.True, "UNABLE_TO_LOCK_ROW only");
            Assert.That(failed.Select(r => r.ExternalId).Where(stored.Contains), Is.Empty, "a failed row was not written");
            Assert.That(stored, Has.Count.EqualTo(500 - failed.Count));
        });
    }
}
