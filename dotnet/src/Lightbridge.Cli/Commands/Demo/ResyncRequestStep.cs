using Lightbridge.Cli.Worker;
using Lightbridge.Salesforce;
using Lightbridge.State;

namespace Lightbridge.Cli.Commands.Demo;

/// <summary>
/// An admin deletes a synced record by mistake and asks for it back the way the package lets them: a
/// <c>Lightspeed_Resync_Request__e</c> naming the record, published through the org's REST API. The worker's subscriber
/// turns it into a durable job, the job runner resyncs the record through the lane, and the record is back.
/// </summary>
internal static class ResyncRequestStep
{
    /// <summary>How long the worker may take to receive and run the request.</summary>
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>What may be deleted and resynced, in order of preference: a sale, else a store.</summary>
    private static readonly (string Object, string Field, string Scope, string Entity)[] Candidates =
    [
        ("Lightspeed_Sale__c", "Lightspeed_Sale_Id__c", "Sale", "Sale"),
        ("Lightspeed_Store__c", "Lightspeed_Shop_Id__c", "Store", "Shop"),
    ];

    public static async Task<ResyncOutcome?> RunAsync(DemoEmulators emulators, StateStore state, HttpClient http, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(emulators);
        ArgumentNullException.ThrowIfNull(state);
        var control = emulators.Salesforce.Control;
        foreach (var (sObject, field, scope, entity) in Candidates)
        {
            var found = control.Query($"SELECT Id, {field} FROM {sObject} ORDER BY {field} LIMIT 1")["records"]!.AsArray();
            if (found.Count == 0)
            {
                continue;
            }

            var id = (string)found[0]!["Id"]!;
            var externalId = (string)found[0]![field]!;
            // Master-detail children go with their parent; counted first so the report can account for every record.
            var deleted = new SortedDictionary<string, long>(StringComparer.Ordinal) { [sObject] = 1 };
            if (sObject == "Lightspeed_Sale__c")
            {
                foreach (var child in new[] { "Lightspeed_Sale_Line__c", "Lightspeed_Payment__c" })
                {
                    deleted[child] = control.Query($"SELECT COUNT() FROM {child} WHERE Sale__c = '{id}'")["totalSize"]!.GetValue<int>();
                }
            }

            control.Delete(sObject, id);

            using var admin = new SalesforceClient(
                http,
                new SalesforceClientOptions
                {
                    LoginUrl = emulators.Salesforce.LoginUrl,
                    Auth = SalesforceAuthFlow.ClientCredentials,
                    ClientId = emulators.Salesforce.ClientId,
                    ClientSecret = emulators.Salesforce.ClientSecret,
                },
                time);
            await admin.PublishEventAsync(
                ResyncEventParser.EventName,
                new Dictionary<string, object?> { ["Scope__c"] = scope, ["Lightspeed_Id__c"] = externalId, ["Reason__c"] = "Deleted by mistake; restore it from Lightspeed" },
                ct).ConfigureAwait(false);

            var job = await WaitForJobAsync(state, time, ct).ConfigureAwait(false);
            var runs = state.Runs.LastRuns(entity, 20).Where(r => r.Trigger == RunTrigger.Resync).ToList();
            var restored = control.Query($"SELECT COUNT() FROM {sObject} WHERE {field} = '{externalId}'")["totalSize"]!.GetValue<int>() == 1;
            return new ResyncOutcome(
                scope,
                externalId,
                sObject,
                job.Status.ToString(),
                job.Error,
                runs.Sum(r => r.Counts.Read),
                runs.Sum(r => r.Counts.Created),
                runs.Sum(r => r.Counts.Updated),
                runs.Sum(r => r.Counts.Failed),
                runs.Sum(r => r.Counts.LightspeedRequests),
                runs.Sum(r => r.Counts.SalesforceCalls),
                restored,
                admin.Statistics.TotalApiCalls,
                deleted);
        }

        return null;
    }

    /// <summary>Waits for the worker to finish the job the event became (the subscriber may take a moment to connect).</summary>
    private static async Task<ResyncJob> WaitForJobAsync(StateStore state, TimeProvider time, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(JobTimeout);
        try
        {
            while (true)
            {
                if (state.ResyncJobs.List().FirstOrDefault(j => j.Status is ResyncJobStatus.Done or ResyncJobStatus.Failed) is { } finished)
                {
                    return finished;
                }

                await Task.Delay(PollInterval, time, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"the worker did not finish the resync request within {JobTimeout.TotalSeconds:0} s (see the log for the subscriber's events).");
        }
    }
}
