using System.Globalization;

namespace Lightbridge.Cli.Commands.Demo;

/// <summary>The report's tables, in the order they are shown.</summary>
internal static class ReportTables
{
    private static readonly IReadOnlySet<int> FirstColumnText = new HashSet<int> { 0 };

    public static IReadOnlyList<ReportTable> From(DemoReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var tables = new List<ReportTable> { Records(report), Matches(report) };
        if (report.Resync is { } resync)
        {
            tables.Add(Resync(resync));
        }

        tables.Add(Errors(report));
        tables.Add(ApiCalls(report));
        tables.Add(Org(report));
        tables.Add(Time(report));
        return tables;
    }

    private static ReportTable Records(DemoReport report)
    {
        var full = report.Passes[0].Runs;
        var incremental = report.Passes[1].Runs;
        var rows = full.Select(f =>
        {
            var i = incremental.FirstOrDefault(r => r.Entity == f.Entity);
            return (IReadOnlyList<string>)
            [
                f.Entity, N(f.Read), N(f.Created), N(f.Updated), N(f.Failed),
                N(i?.Read ?? 0), N(i?.Created ?? 0), N(i?.Updated ?? 0), N(i?.Failed ?? 0),
                N(f.LightspeedRequests + (i?.LightspeedRequests ?? 0)), N(f.SalesforceCalls + (i?.SalesforceCalls ?? 0)),
            ];
        }).ToList();
        return new ReportTable(
            "Records read and written per entity",
            ["Entity", "Full: read", "created", "updated", "failed", "Incremental: read", "created", "updated", "failed", "Lightspeed calls", "Salesforce calls"],
            rows,
            FirstColumnText,
            "The incremental pass re-reads the last minutes before its checkpoint (Sync:OverlapSeconds) and skips what it already wrote.");
    }

    private static ReportTable Matches(DemoReport report)
    {
        var m = report.Matches;
        IReadOnlyList<string> Row(string rule, Func<Sync.Pipelines.Customers.CustomerMatchCounts, int> pick) => [rule, N(pick(m.Full)), N(pick(m.Incremental))];
        return new ReportTable(
            "Customers matched, by rule",
            ["Rule (Lightspeed customers)", "Full pass", "Incremental pass"],
            [
                Row("Lightspeed customer id (external id)", c => c.ExternalId),
                Row("Email (normalized)", c => c.Email),
                Row("Phone (E.164)", c => c.Phone),
                Row("No match: linked to a new Contact", c => c.CreatedContact),
                Row("No match: linked to a new Lead", c => c.CreatedLead),
                Row("Ambiguous: held in the replay queue", c => c.Ambiguous),
            ],
            FirstColumnText,
            string.Create(CultureInfo.InvariantCulture,
                $"Customers of one shopper (same email or phone in one batch) share one record, so new records can be fewer than customers linked to them. The org held {report.SeededOrg.Contacts} Contacts and {report.SeededOrg.Leads} Leads: {report.SeededOrg.EmailTwins} shoppers with a Contact whose email differs in case, {report.SeededOrg.PhoneLeads} with a Lead holding only their phone in another format, {report.SeededOrg.DuplicatePairs} entered twice, {report.SeededOrg.ConvertedLeads} converted Leads, {report.SeededOrg.ExternalIds} Contacts already carrying the external id, {report.SeededOrg.Prospects} unrelated prospects."));
    }

    private static ReportTable Resync(ResyncOutcome r) => new(
        "Resync request (Lightspeed_Resync_Request__e)",
        ["What", "Value"],
        [
            ["Record an admin deleted", $"{r.SalesforceObject} {r.ExternalId}"],
            ["Request published", $"Scope__c = {r.Scope}, Lightspeed_Id__c = {r.ExternalId}"],
            ["Worker's job", r.JobError is null ? r.JobStatus : $"{r.JobStatus}: {r.JobError}"],
            ["Read / created / updated / failed", $"{N(r.Read)} / {N(r.Created)} / {N(r.Updated)} / {N(r.Failed)}"],
            ["Record back in the org", r.Restored ? "yes" : "NO"],
        ],
        new HashSet<int> { 0, 1 });

    private static ReportTable Errors(DemoReport report) => new(
        "Errors queued for replay, with their reasons",
        ["Entity", "Error code", "Records", "Example"],
        report.Errors.Select(e => (IReadOnlyList<string>)[e.Entity, e.Code, N(e.Count), e.Example]).ToList(),
        new HashSet<int> { 0, 1, 3 },
        report.Errors.Count == 0 ? "The replay queue is empty." : "Each stays in the queue (and in Lightspeed_Sync_Error__c) until it is fixed and replayed, or ignored.");

    private static ReportTable ApiCalls(DemoReport report)
    {
        var ls = report.ApiCalls.Lightspeed;
        var sf = report.ApiCalls.Salesforce;
        return new ReportTable(
            "API calls on each side",
            ["Side", "Counted by the worker's client", "Counted by the emulator", "Details"],
            [
                ["Lightspeed API requests", N(ls.ClientRequests), N(ls.Emulator.TotalRequests),
                    string.Create(CultureInfo.InvariantCulture, $"{ls.Emulator.Throttled} throttled (429); {ls.ClientTokenRefreshes} token refreshes; throttle waited {ls.ClientThrottleWaitSeconds:0.##} s; by endpoint: {string.Join(", ", ls.Emulator.Endpoints.Select(e => $"{e.Key} {e.Value}"))}")],
                ["Salesforce API calls", N(sf.WorkerCalls), N(sf.EmulatorCalls),
                    string.Create(CultureInfo.InvariantCulture, $"{sf.DemoCalls} of the org's were the demo publishing the resync request; {sf.WorkerTokenRequests} logins; by kind: {string.Join(", ", sf.WorkerCallsByKind.Select(k => $"{k.Key} {k.Value}"))}")],
            ],
            new HashSet<int> { 0, 3 });
    }

    private static ReportTable Org(DemoReport report)
    {
        var org = report.Org;
        var rows = org.After.Keys.Select(o => (IReadOnlyList<string>)
        [
            o, N(org.Before.GetValueOrDefault(o)), N(org.After[o]), N(org.Inserted.GetValueOrDefault(o)), N(org.Updated.GetValueOrDefault(o)),
        ]).ToList();
        return new ReportTable(
            "Salesforce org, records per object",
            ["Object", "Before", "After", "Inserted", "Updates"],
            rows,
            FirstColumnText,
            "Counted by the org itself (SOQL COUNT() and its DML counters); updates include the rollups of sales onto stores and customers.");
    }

    private static ReportTable Time(DemoReport report)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var phase in report.Phases)
        {
            rows.Add([phase.Name, S(phase.Seconds)]);
            var pass = phase.Name.StartsWith("Full", StringComparison.Ordinal) ? report.Passes[0] : phase.Name.StartsWith("Incremental", StringComparison.Ordinal) ? report.Passes[1] : null;
            foreach (var run in pass?.Runs ?? [])
            {
                rows.Add([$"    {run.Entity} run", S(run.Seconds)]);
            }
        }

        rows.Add(["Total (from start to report)", S(report.TotalSeconds)]);
        return new ReportTable("Time taken", ["Phase", "Seconds"], rows, FirstColumnText);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture);
}
