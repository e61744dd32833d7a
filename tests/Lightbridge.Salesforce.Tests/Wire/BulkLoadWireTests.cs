using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Lightbridge.Salesforce.Tests.Wire;

/// <summary>
/// The Bulk 2.0 load sequence against a scripted loopback server: create, upload, close, poll, three result
/// files (rows shuffled, columns reordered), the join on the key, splitting past the upload cap, and job failure.
/// </summary>
public sealed class BulkLoadWireTests
{
    [Test]
    public async Task BulkLoadAsync_Upsert_FullSequenceAndResultsJoinedOnTheKey()
    {
        var uploads = new ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync((request, response) => ScriptedJob(request, response, uploads, fail: null));
        using var http = new HttpClient();
        using var client = NewClient(http, server);
        var records = Records(5);

        var result = await client.BulkLoadAsync("Contact", BulkOperation.Upsert, records, "Lightspeed_Customer_Id__c");

        var bulk = server.Requests.Where(r => r.Path.Contains("/jobs/ingest", StringComparison.Ordinal)).Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(bulk.Take(4), Is.EqualTo(new[]
            {
                "POST /services/data/v62.0/jobs/ingest",
                "PUT /services/data/v62.0/jobs/ingest/750xx0000000001AAA/batches",
                "PATCH /services/data/v62.0/jobs/ingest/750xx0000000001AAA",
                "GET /services/data/v62.0/jobs/ingest/750xx0000000001AAA",
            }));
            Assert.That(bulk, Does.Contain("GET /services/data/v62.0/jobs/ingest/750xx0000000001AAA/unprocessedrecords/"));
            Assert.That(uploads.Single(), Does.StartWith("Lightspeed_Customer_Id__c,LastName\n1-0,N0\n"));
            Assert.That(result.JobIds, Is.EqualTo(new[] { "750xx0000000001AAA" }));
            Assert.That(result.Records.Select(r => r.ExternalId), Is.EqualTo(records.Select(r => (string)r["Lightspeed_Customer_Id__c"]!)));
            Assert.That(result.Records[1].Success, Is.False, "1-1 is failed by the script");
            Assert.That(result.Records[1].Errors.Single().StatusCode, Is.EqualTo("REQUIRED_FIELD_MISSING"));
            Assert.That(result.Records.Where((_, i) => i != 1).All(r => r.Success && r.Id == "003xx00000000" + r.ExternalId.Replace("-", string.Empty, StringComparison.Ordinal)), Is.True);
            Assert.That(client.Statistics.ApiCalls(SalesforceApiCallKind.BulkResults), Is.EqualTo(3));
        });

        var create = JsonDocument.Parse(server.Requests.First(r => r.Method == "POST" && r.Path.EndsWith("/jobs/ingest", StringComparison.Ordinal)).Body).RootElement;
        Assert.That(create.GetProperty("operation").GetString(), Is.EqualTo("upsert"));
        Assert.That(create.GetProperty("externalIdFieldName").GetString(), Is.EqualTo("Lightspeed_Customer_Id__c"));
        Assert.That(create.GetProperty("lineEnding").GetString(), Is.EqualTo("LF"));
    }

    [Test]
    public async Task BulkLoadAsync_PastTheUploadCap_OneJobPerPart()
    {
        var uploads = new ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync((request, response) => ScriptedJob(request, response, uploads, fail: null));
        using var http = new HttpClient();
        using var client = NewClient(http, server, maxUploadBytes: 1_000);
        var records = Records(120);

        var result = await client.BulkLoadAsync("Contact", BulkOperation.Upsert, records, "Lightspeed_Customer_Id__c");

        Assert.That(uploads.Count, Is.GreaterThan(1));
        Assert.That(uploads.All(u => Encoding.UTF8.GetByteCount(u) <= 1_000 && u.StartsWith("Lightspeed_Customer_Id__c,LastName\n", StringComparison.Ordinal)), Is.True);
        Assert.That(result.JobIds, Has.Count.EqualTo(uploads.Count));
        Assert.That(result.Records.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, 120)));
        Assert.That(result.Records.Count(r => !r.Success), Is.EqualTo(1));
    }

    [Test]
    public async Task BulkLoadAsync_JobFails_ThrowsWithTheServersMessage()
    {
        await using var server = await LoopbackServer.StartAsync((request, response) =>
            ScriptedJob(request, response, new ConcurrentQueue<string>(), fail: "InvalidBatch : Field name not found : LastName"));
        using var http = new HttpClient();
        using var client = NewClient(http, server);

        var ex = Assert.ThrowsAsync<BulkJobFailedException>(() => client.BulkLoadAsync("Contact", BulkOperation.Upsert, Records(2), "Lightspeed_Customer_Id__c"));

        Assert.That(ex!.State, Is.EqualTo(BulkJobState.Failed));
        Assert.That(ex.ErrorMessage, Is.EqualTo("InvalidBatch : Field name not found : LastName"));
        Assert.That(ex.JobId, Is.EqualTo("750xx0000000001AAA"));
    }

    [Test]
    public async Task BulkLoadAsync_CancelledWhilePolling_AbortsTheJob()
    {
        using var cancel = new CancellationTokenSource();
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (request.Method == "GET" && request.Path.EndsWith("AAA", StringComparison.Ordinal))
            {
                // The job never finishes; the caller gives up while polling.
                await cancel.CancelAsync();
                await Json(response, 200, """{"id":"750xx0000000001AAA","state":"InProgress"}""");
                return;
            }

            await ScriptedJob(request, response, new ConcurrentQueue<string>(), fail: null);
        });
        using var http = new HttpClient();
        using var client = NewClient(http, server);

        Assert.CatchAsync<OperationCanceledException>(() => client.BulkLoadAsync("Contact", BulkOperation.Upsert, Records(2), "Lightspeed_Customer_Id__c", cancel.Token));

        var abort = server.Requests.Last();
        Assert.That(abort.Method, Is.EqualTo("PATCH"));
        Assert.That(abort.Body, Is.EqualTo("""{"state":"Aborted"}"""));
    }

    [Test]
    public void BulkLoadAsync_RecordWithoutKey_RefusedBeforeAnyCall()
    {
        using var http = new HttpClient();
        using var client = new SalesforceClient(
            http,
            new SalesforceClientOptions { LoginUrl = new Uri("http://127.0.0.1:9"), Auth = SalesforceAuthFlow.ClientCredentials, ClientId = "c", ClientSecret = "s" },
            TimeProvider.System);
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records = [new Dictionary<string, object?> { ["LastName"] = "Doe" }];

        Assert.ThrowsAsync<ArgumentException>(() => client.BulkLoadAsync("Contact", BulkOperation.Upsert, records, "Lightspeed_Customer_Id__c"));
        Assert.That(client.Statistics.TotalApiCalls, Is.Zero);
    }

    private static List<IReadOnlyDictionary<string, object?>> Records(int count) =>
        Enumerable.Range(0, count)
            .Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["Lightspeed_Customer_Id__c"] = $"1-{i}", ["LastName"] = $"N{i}" })
            .ToList();

    private static SalesforceClient NewClient(HttpClient http, LoopbackServer server, int maxUploadBytes = 100_000_000) =>
        new(
            http,
            new SalesforceClientOptions
            {
                LoginUrl = server.BaseUrl,
                Auth = SalesforceAuthFlow.ClientCredentials,
                ClientId = "client-id",
                ClientSecret = "secret",
                BulkPollInitialDelay = TimeSpan.FromMilliseconds(1),
                BulkPollMaxDelay = TimeSpan.FromMilliseconds(5),
                BulkMaxUploadBytes = maxUploadBytes,
            },
            TimeProvider.System);

    /// <summary>
    /// One job per upload, numbered 750xx…001AAA, 002AAA…; InProgress on the first poll, then JobComplete (or
    /// Failed); results with rows in reverse order and original columns reordered; key "1-1" always fails.
    /// </summary>
    private static async Task ScriptedJob(RecordedRequest request, HttpResponse response, ConcurrentQueue<string> uploads, string? fail)
    {
        var server = (LoopbackServer)response.HttpContext.Items[LoopbackServer.ItemKey]!;
        if (request.Path == "/services/oauth2/token")
        {
            await Json(response, 200, $$"""{"access_token":"tok","instance_url":"{{server.BaseUrl.GetLeftPart(UriPartial.Authority)}}","token_type":"Bearer"}""");
            return;
        }

        const string root = "/services/data/v62.0/jobs/ingest";
        if (request.Method == "POST" && request.Path == root)
        {
            var number = server.NextTokenNumber();
            await Json(response, 200, $$"""{"id":"750xx000000000{{number}}AAA","state":"Open","object":"Contact","operation":"upsert"}""");
            return;
        }

        var rest = request.Path[(root.Length + 1)..];
        var jobId = rest.Split('/')[0];
        var file = rest.Length > jobId.Length ? rest[(jobId.Length + 1)..] : string.Empty;
        var polls = server.Requests.Count(r => r.Method == "GET" && r.Path == $"{root}/{jobId}");
        switch (request.Method, file)
        {
            case ("PUT", "batches"):
                uploads.Enqueue(request.Body);
                Assert.That(request.ContentType, Does.StartWith("text/csv"));
                response.StatusCode = 201;
                return;
            case ("PATCH", ""):
                await Json(response, 200, $$"""{"id":"{{jobId}}","state":"UploadComplete"}""");
                return;
            case ("GET", ""):
                var state = polls < 2 ? "InProgress" : fail is null ? "JobComplete" : "Failed";
                var error = fail is null ? string.Empty : $",\"errorMessage\":\"{fail}\"";
                await Json(response, 200, $$"""{"id":"{{jobId}}","state":"{{state}}","numberRecordsProcessed":0,"numberRecordsFailed":0{{error}}}""");
                return;
            case ("GET", "successfulResults/" or "failedResults/" or "unprocessedrecords/"):
                await CsvResults(response, file, UploadFor(server, jobId));
                return;
            default:
                response.StatusCode = 404;
                return;
        }
    }

    private static string UploadFor(LoopbackServer server, string jobId) =>
        server.Requests.Single(r => r.Method == "PUT" && r.Path.Contains(jobId, StringComparison.Ordinal)).Body;

    private static async Task CsvResults(HttpResponse response, string file, string upload)
    {
        var rows = upload.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).Reverse().ToList();
        var text = new StringBuilder();
        switch (file)
        {
            case "successfulResults/":
                text.Append("\"sf__Created\",\"sf__Id\",LastName,Lightspeed_Customer_Id__c\n");
                foreach (var row in rows.Where(r => r[0] != "1-1"))
                {
                    text.Append($"\"true\",\"003xx00000000{row[0].Replace("-", string.Empty, StringComparison.Ordinal)}\",\"{row[1]}\",\"{row[0]}\"\n");
                }

                break;
            case "failedResults/":
                text.Append("\"sf__Id\",\"sf__Error\",LastName,Lightspeed_Customer_Id__c\n");
                foreach (var row in rows.Where(r => r[0] == "1-1"))
                {
                    text.Append($"\"\",\"REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --\",\"{row[1]}\",\"{row[0]}\"\n");
                }

                break;
            default:
                text.Append("Lightspeed_Customer_Id__c,LastName\n");
                break;
        }

        response.ContentType = "text/csv";
        await response.WriteAsync(text.ToString());
    }

    private static Task Json(HttpResponse response, int status, string json)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        return response.WriteAsync(json);
    }
}
