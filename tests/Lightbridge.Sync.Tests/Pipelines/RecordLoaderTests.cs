using Lightbridge.Core.Mapping;
using Lightbridge.Core.Planning;
using Lightbridge.Emulators.Salesforce;
using Lightbridge.Salesforce;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Sync.Tests.Pipelines;

/// <summary>The loader's Bulk path against the emulator when a step of a job fails for good after the client's own retries.</summary>
[TestFixture]
public sealed class RecordLoaderTests
{
    [Test]
    public async Task LoadAsync_BulkUploadFailsTransiently_RunsANewJobAndEveryRecordLands()
    {
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions
        {
            MetadataPath = SyncHarness.ForceApp, BulkProcessingTime = TimeSpan.FromMilliseconds(50),
        });
        // The first two uploads fail (an upload is not retried inside a job): each kills its job, the third job carries the rows.
        using var http = new HttpClient(new FailFirstUploads(failures: 2) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } });
        using var client = new SalesforceClient(http, new SalesforceClientOptions
        {
            LoginUrl = org.LoginUrl, Auth = SalesforceAuthFlow.ClientCredentials, ClientId = org.ClientId, ClientSecret = org.ClientSecret,
            MaxTransientRetries = 1, TransientRetryBaseDelay = TimeSpan.FromMilliseconds(5), TransientRetryMaxDelay = TimeSpan.FromMilliseconds(10),
            BulkPollInitialDelay = TimeSpan.FromMilliseconds(20), BulkPollMaxDelay = TimeSpan.FromMilliseconds(50),
        }, TimeProvider.System);
        var loader = new RecordLoader(client, new LoadPathPlanner(5));
        var records = Enumerable.Range(1, 8)
            .Select(i => new SalesforceRecord("Product2", "Lightspeed_Item_Id__c", new Core.Identity.ExternalId(new Core.Model.LightspeedId("1"), new Core.Model.LightspeedId(i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                (IReadOnlyList<FieldValue>)[new FieldValue("Name", $"Item {i}")], []))
            .ToList();

        var report = await loader.LoadAsync(records, CancellationToken.None);

        Assert.That(report.Path, Is.EqualTo(LoadPath.Bulk));
        Assert.That(report.Results.Select(r => r.Success), Is.All.True);
        Assert.That(org.Control.Query("SELECT COUNT() FROM Product2")["totalSize"]!.GetValue<int>(), Is.EqualTo(8));
        Assert.That(org.Control.Counters["bulk.create"], Is.EqualTo(3), "a new job after each failed upload");
    }

    /// <summary>Answers 503 to the first Bulk uploads, as a flaky proxy would.</summary>
    private sealed class FailFirstUploads(int failures) : DelegatingHandler
    {
        private int _failed;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Put && request.RequestUri!.AbsolutePath.EndsWith("/batches", StringComparison.Ordinal)
                && Interlocked.Increment(ref _failed) <= failures)
            {
                return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { Content = new StringContent("[]") });
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
