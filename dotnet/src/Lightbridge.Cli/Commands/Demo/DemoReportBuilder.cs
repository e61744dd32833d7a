using Lightbridge.Salesforce;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Pipelines.Customers;

namespace Lightbridge.Cli.Commands.Demo;

/// <summary>Turns what the demo collected into its report: per-pass runs, matches, the queue, API calls and the org's counts.</summary>
internal static class DemoReportBuilder
{
    /// <summary>How much of a queued record's message the report shows.</summary>
    private const int ExampleLength = 200;

    public static DemoReport Build(DemoOptions options, DemoFigures figures, PhaseClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(clock);
        var fullMatches = MatchesOf(figures.Full);
        var incrementalMatches = MatchesOf(figures.Incremental);
        var errors = figures.Queue
            .GroupBy(i => (i.Entity, i.ErrorCode))
            .OrderBy(g => g.Key.Entity, StringComparer.Ordinal).ThenBy(g => g.Key.ErrorCode, StringComparer.Ordinal)
            .Select(g => new QueuedError(g.Key.Entity, g.Key.ErrorCode, g.Count(), Shorten(g.OrderBy(i => i.LightspeedId.Value, StringComparer.Ordinal).First().Message)))
            .ToList();

        var delta = Delta(figures.SalesforceCountersBefore, figures.SalesforceCountersAfter);
        var workerByKind = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<SalesforceApiCallKind>())
        {
            if (figures.SalesforceClient.ApiCalls(kind) is > 0 and var calls)
            {
                workerByKind[kind.ToString()] = calls;
            }
        }

        var lightspeed = new LightspeedCallReport(
            figures.LightspeedClient.RequestsSent,
            figures.LightspeedClient.TokenRefreshes,
            figures.LightspeedClient.RateLimitedResponses,
            Math.Round(figures.LightspeedClient.ThrottleWaitTotal.TotalSeconds, 2),
            figures.LightspeedServer);
        var salesforce = new SalesforceCallReport(
            figures.SalesforceClient.TotalApiCalls,
            workerByKind,
            figures.SalesforceClient.TokenRequests,
            figures.Resync?.PublishCalls ?? 0,
            delta.GetValueOrDefault("api.total"),
            delta);

        var org = new OrgReport(
            figures.OrgBefore,
            figures.OrgAfter,
            WithPrefix(delta, "dml.insert."),
            WithPrefix(delta, "dml.update."),
            figures.Resync?.Deleted ?? new SortedDictionary<string, long>(StringComparer.Ordinal));

        return new DemoReport(
            new DemoSize(options.Shops, options.Customers, options.Items, options.Sales, options.Seed),
            figures.Planted,
            [
                new PassReport("full", figures.Full.Select(r => RunOf(r, figures.RunSeconds)).ToList()),
                new PassReport("incremental", figures.Incremental.Select(r => RunOf(r, figures.RunSeconds)).ToList()),
            ],
            figures.Changes,
            figures.Resync,
            new MatchReport(fullMatches, incrementalMatches, fullMatches.Plus(incrementalMatches)),
            errors,
            new ApiCallReport(lightspeed, salesforce),
            org,
            figures.LightspeedCounts,
            clock.Phases,
            Math.Round(clock.Elapsed.TotalSeconds, 2));
    }

    private static EntityRun RunOf(SyncRunResult r, IReadOnlyDictionary<string, double> seconds) =>
        new(r.Entity.ToString(), r.Status.ToString(), r.Read, r.Skipped, r.Created, r.Updated, r.Failed, r.LightspeedRequests, r.SalesforceCalls, seconds.GetValueOrDefault(r.RunId));

    private static CustomerMatchCounts MatchesOf(IReadOnlyList<SyncRunResult> pass) =>
        pass.Select(r => r.Matches).OfType<CustomerMatchCounts>().Aggregate(CustomerMatchCounts.None, (sum, m) => sum.Plus(m));

    private static SortedDictionary<string, long> Delta(SortedDictionary<string, long> before, SortedDictionary<string, long> after)
    {
        var delta = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in after)
        {
            if (value - before.GetValueOrDefault(key) is not 0 and var grown)
            {
                delta[key] = grown;
            }
        }

        return delta;
    }

    private static SortedDictionary<string, long> WithPrefix(SortedDictionary<string, long> counters, string prefix) =>
        new(counters.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(c => c.Key[prefix.Length..], c => c.Value), StringComparer.Ordinal);

    private static string Shorten(string message) => message.Length <= ExampleLength ? message : message[..ExampleLength] + "…";
}
