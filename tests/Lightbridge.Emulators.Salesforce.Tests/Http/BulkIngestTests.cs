using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Lightbridge.Emulators.Salesforce.Tests.Http;

public sealed class BulkIngestTests
{
    private static async Task<string> CreateJobAsync(TestOrg org, JsonObject body)
    {
        var (status, info, _) = await org.PostAsync("jobs/ingest", body);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), info?.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(info!["state"]!.ToString(), Is.EqualTo("Open"));
            Assert.That(info["id"]!.ToString(), Does.StartWith("750"));
            Assert.That(info["contentUrl"]!.ToString(), Is.EqualTo($"services/data/v62.0/jobs/ingest/{info["id"]}/batches"));
            Assert.That(info["apiVersion"]!.ToJsonString(), Is.EqualTo("62.0"));
            Assert.That(info["jobType"]!.ToString(), Is.EqualTo("V2Ingest"));
        });
        return info!["id"]!.ToString();
    }

    private static async Task<HttpStatusCode> UploadAsync(TestOrg org, string jobId, string csv)
    {
        using var content = new ByteArrayContent(new UTF8Encoding(false).GetBytes(csv));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        using var response = await org.Http.PutAsync($"/services/data/v62.0/jobs/ingest/{jobId}/batches", content);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty, "upload answers with no body");
        }

        return response.StatusCode;
    }

    private static async Task<JsonNode> CloseAndFinishAsync(TestOrg org, string jobId)
    {
        var (_, closed, _) = await org.PatchAsync($"jobs/ingest/{jobId}", new JsonObject { ["state"] = "UploadComplete" });
        Assert.That(closed!["state"]!.ToString(), Is.EqualTo("UploadComplete"));
        var (_, polled, _) = await org.GetAsync($"jobs/ingest/{jobId}");
        Assert.That(polled!["state"]!.ToString(), Is.EqualTo("InProgress"));
        org.Time.Advance(TimeSpan.FromSeconds(3));
        return (await org.GetAsync($"jobs/ingest/{jobId}")).Body!;
    }

    private static async Task<string> TextAsync(TestOrg org, string path)
    {
        using var response = await org.Http.GetAsync($"/services/data/v62.0/{path}");
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        return await response.Content.ReadAsStringAsync();
    }

    [Test]
    public async Task Upsert_FullLifecycle_ResultsJoinByKeyNotPosition()
    {
        await using var org = await TestOrg.StartAsync();
        await org.CreateStoreAsync("1-1", "S1");
        await org.PatchAsync("sobjects/Sale__c/Sale_Id__c/s-0", new JsonObject { ["Store__r"] = new JsonObject { ["Shop_Id__c"] = "1-1" } });
        var jobId = await CreateJobAsync(org, new JsonObject { ["object"] = "Sale__c", ["operation"] = "upsert", ["externalIdFieldName"] = "Sale_Id__c" });
        var csv = new StringBuilder("Sale_Id__c,Store__r.Shop_Id__c,Total__c,Note__c,Sale_Time__c\n");
        csv.Append("s-0,1-1,5.5,\"updated, with comma\",2026-03-01T10:00:00.000+0000\n");
        for (var i = 1; i <= 20; i++)
        {
            csv.Append(CultureInvariant($"s-{i},1-1,{i},\"line\nbreak\",2026-03-01T10:00:00Z\n"));
        }

        csv.Append("s-bad,nope,1,x,2026-03-01T10:00:00Z\n");
        csv.Append("s-dup,1-1,1,x,#N/A\ns-dup,1-1,2,y,#N/A\n");
        csv.Append("s-date,1-1,1,x,15/05/2024\n");
        Assert.That(await UploadAsync(org, jobId, csv.ToString()), Is.EqualTo(HttpStatusCode.Created));

        var done = await CloseAndFinishAsync(org, jobId);
        Assert.Multiple(() =>
        {
            Assert.That(done["state"]!.ToString(), Is.EqualTo("JobComplete"));
            Assert.That(done["numberRecordsProcessed"]!.GetValue<int>(), Is.EqualTo(25));
            Assert.That(done["numberRecordsFailed"]!.GetValue<int>(), Is.EqualTo(4));
            Assert.That(done.AsObject().ContainsKey("contentUrl"), Is.False);
        });

        var success = await TextAsync(org, $"jobs/ingest/{jobId}/successfulResults");
        Assert.That(success, Does.StartWith("\"sf__Id\",\"sf__Created\",\"Sale_Id__c\",\"Store__r.Shop_Id__c\",\"Total__c\",\"Note__c\",\"Sale_Time__c\"\n"));
        Assert.That(success, Does.Contain("\"false\",\"s-0\""));
        Assert.That(success, Does.Contain("\"line\nbreak\""));
        var failed = await TextAsync(org, $"jobs/ingest/{jobId}/failedResults");
        Assert.Multiple(() =>
        {
            Assert.That(failed, Does.Contain("\"INVALID_FIELD:Foreign key external ID: nope not found for field Shop_Id__c in entity Store__c:--\",\"s-bad\""));
            Assert.That(failed, Does.Contain("DUPLICATE_VALUE:Duplicate external id specified: s-dup:Sale_Id__c --"));
            Assert.That(failed, Does.Contain("INVALID_TYPE_ON_FIELD_IN_RECORD:Sale Time: value not of required type: 15/05/2024:Sale_Time__c --"));
        });
        var order = success.Split('\n').Skip(1).Where(l => l.StartsWith('"')).Select(l => l.Split(',')[2]).Where(k => k.StartsWith("\"s-", StringComparison.Ordinal)).ToList();
        Assert.That(order, Is.Not.Ordered, "results come back shuffled");
        var note = org.Emulator.Control.Query("SELECT Note__c, Total__c FROM Sale__c WHERE Sale_Id__c = 's-0'")["records"]![0]!;
        Assert.That(note["Note__c"]!.ToString(), Is.EqualTo("updated, with comma"));
    }

    private static string CultureInvariant(FormattableString value) => FormattableString.Invariant(value);

    [Test]
    public async Task Upload_WrongLineEndingOrBom_FailsTheJob()
    {
        await using var org = await TestOrg.StartAsync();
        var crlf = await CreateJobAsync(org, new JsonObject { ["object"] = "Account", ["operation"] = "insert" });
        await UploadAsync(org, crlf, "Name\r\nAcme\r\n");
        var failed = await CloseAndFinishAsync(org, crlf);
        Assert.Multiple(() =>
        {
            Assert.That(failed["state"]!.ToString(), Is.EqualTo("Failed"));
            Assert.That(failed["errorMessage"]!.ToString(), Is.EqualTo("ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF"));
        });

        var bom = await CreateJobAsync(org, new JsonObject { ["object"] = "Account", ["operation"] = "insert" });
        await UploadAsync(org, bom, "\uFEFFName\nAcme\n");
        var bomFailed = await CloseAndFinishAsync(org, bom);
        Assert.That(bomFailed["errorMessage"]!.ToString(), Is.EqualTo("InvalidBatch : Field name not found : \uFEFFName"));
        var unprocessed = await TextAsync(org, $"jobs/ingest/{bom}/unprocessedrecords");
        Assert.That(unprocessed, Does.Contain("\"Acme\""));
        Assert.That(org.Emulator.Control.Query("SELECT COUNT() FROM Account")["totalSize"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task Crlf_AndPipeDelimiter_AreHonoured()
    {
        await using var org = await TestOrg.StartAsync();
        var job = await CreateJobAsync(org, new JsonObject { ["object"] = "Account", ["operation"] = "insert", ["lineEnding"] = "CRLF", ["columnDelimiter"] = "PIPE" });
        await UploadAsync(org, job, "Name|Phone\r\nA, Inc|555\r\nB|\r\n");
        var done = await CloseAndFinishAsync(org, job);
        Assert.That(done["state"]!.ToString(), Is.EqualTo("JobComplete"));
        var names = org.Emulator.Control.Query("SELECT Name FROM Account ORDER BY Name")["records"]!.AsArray().Select(r => r!["Name"]!.ToString());
        Assert.That(names, Is.EqualTo(new[] { "A, Inc", "B" }));
    }

    [Test]
    public async Task StateRules_UploadAfterCloseAndAbort()
    {
        await using var org = await TestOrg.StartAsync();
        var job = await CreateJobAsync(org, new JsonObject { ["object"] = "Account", ["operation"] = "insert" });
        await UploadAsync(org, job, "Name\nA\n");
        var (_, aborted, _) = await org.PatchAsync($"jobs/ingest/{job}", new JsonObject { ["state"] = "Aborted" });
        Assert.That(aborted!["state"]!.ToString(), Is.EqualTo("Aborted"));
        Assert.That(await UploadAsync(org, job, "Name\nB\n"), Is.Not.EqualTo(HttpStatusCode.Created));
        var (again, _, _) = await org.PatchAsync($"jobs/ingest/{job}", new JsonObject { ["state"] = "UploadComplete" });
        Assert.That(again, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await TextAsync(org, $"jobs/ingest/{job}/unprocessedrecords"), Is.EqualTo("\"Name\"\n\"A\"\n"));
        Assert.That((await org.DeleteAsync($"jobs/ingest/{job}")).Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await org.GetAsync($"jobs/ingest/{job}")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task UploadOverCap_AndBatchAllocation_AreEnforced()
    {
        await using var org = await TestOrg.StartAsync(o => { o.BulkUploadLimitBytes = 50; o.DailyBulkBatches = 1; });
        var job = await CreateJobAsync(org, new JsonObject { ["object"] = "Account", ["operation"] = "insert" });
        Assert.That(await UploadAsync(org, job, "Name\n" + string.Join("\n", Enumerable.Range(0, 20).Select(i => $"A{i}")) + "\n"), Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await UploadAsync(org, job, "Name\nA\n"), Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await CloseAndFinishAsync(org, job))["state"]!.ToString(), Is.EqualTo("JobComplete"));

        var second = await CreateJobAsync(org, new JsonObject { ["object"] = "Account", ["operation"] = "insert" });
        await UploadAsync(org, second, "Name\nB\n");
        var quota = await CloseAndFinishAsync(org, second);
        Assert.That((quota["state"]!.ToString(), quota["errorMessage"]!.ToString()), Is.EqualTo(("Failed", "ExceededQuota : Daily Bulk API batch allocation exceeded")));
        var (_, limits, _) = await org.GetAsync("limits");
        Assert.That(limits!["DailyBulkApiBatches"]!["Remaining"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task UpdateAndDelete_UseTheIdColumn()
    {
        await using var org = await TestOrg.StartAsync();
        var ids = org.Emulator.Control.LoadRecords("Account", [new JsonObject { ["Name"] = "A", ["Phone"] = "1" }, new JsonObject { ["Name"] = "B" }]);
        var update = await CreateJobAsync(org, new JsonObject { ["object"] = "Account", ["operation"] = "update" });
        await UploadAsync(org, update, $"Id,Name,Phone\n{ids[0]},A2,\n{ids[1]},,#N/A\n001000000000000AAA,C,\n");
        var done = await CloseAndFinishAsync(org, update);
        Assert.That(done["numberRecordsFailed"]!.GetValue<int>(), Is.EqualTo(1));
        var rows = org.Emulator.Control.Query("SELECT Name, Phone FROM Account ORDER BY Name")["records"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(rows[0]!["Name"]!.ToString(), Is.EqualTo("A2"));
            Assert.That(rows[0]!["Phone"]!.ToString(), Is.EqualTo("1"), "an empty value leaves the field alone");
            Assert.That(rows[1]!["Name"]!.ToString(), Is.EqualTo("B"));
        });

        var delete = await CreateJobAsync(org, new JsonObject { ["object"] = "Account", ["operation"] = "delete" });
        await UploadAsync(org, delete, $"Id\n{ids[0]}\n{ids[1]}\n");
        await CloseAndFinishAsync(org, delete);
        Assert.That(org.Emulator.Control.Query("SELECT COUNT() FROM Account")["totalSize"]!.GetValue<int>(), Is.Zero);
    }
}
