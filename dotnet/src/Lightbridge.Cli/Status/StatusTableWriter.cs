using System.Globalization;
using Spectre.Console;

namespace Lightbridge.Cli.Status;

/// <summary>Renders a <see cref="StatusReport"/> as tables for a person at a terminal.</summary>
internal static class StatusTableWriter
{
    public static void Write(IAnsiConsole console, StatusReport report)
    {
        console.MarkupLine(Invariant($"[bold]Lightbridge status[/] of [blue]{Markup.Escape(report.StatePath)}[/] at {report.GeneratedAt:yyyy-MM-dd HH:mm:ss} UTC"));

        var checkpoints = new Table().Title("Checkpoints").AddColumns("Account", "Entity", "Watermark (UTC)", "Lag", "Updated (UTC)");
        foreach (var c in report.Checkpoints)
        {
            checkpoints.AddRow(Markup.Escape(c.AccountId), Markup.Escape(c.Entity), Invariant($"{c.Watermark:yyyy-MM-dd HH:mm:ss}"), Lag(c.Lag), Invariant($"{c.UpdatedAt:yyyy-MM-dd HH:mm:ss}"));
        }

        WriteOrSayNone(console, checkpoints, report.Checkpoints.Count, "No checkpoints yet: no sync has run against this state file.");

        var queue = new Table().Title(Invariant($"Replay queue ({report.QueueDepth} waiting)")).AddColumns("Entity", "Error code", "Records");
        foreach (var q in report.Queue)
        {
            queue.AddRow(Markup.Escape(q.Entity), Markup.Escape(q.ErrorCode), q.Count.ToString(CultureInfo.InvariantCulture));
        }

        WriteOrSayNone(console, queue, report.Queue.Count, "The replay queue is empty.");

        var runs = new Table().Title("Last runs").AddColumns("Entity", "Trigger", "Status", "Started (UTC)", "Took", "Read", "Created", "Updated", "Failed", "Lightspeed calls", "Salesforce calls");
        foreach (var r in report.LastRuns)
        {
            runs.AddRow(
                Markup.Escape(r.Entity), r.Trigger, r.Status, Invariant($"{r.StartedAt:yyyy-MM-dd HH:mm:ss}"),
                r.FinishedAt is { } finished ? Lag(finished - r.StartedAt) : "running",
                Number(r.Read), Number(r.Created), Number(r.Updated), Number(r.Failed), Number(r.LightspeedRequests), Number(r.SalesforceCalls));
        }

        WriteOrSayNone(console, runs, report.LastRuns.Count, "No runs recorded.");
        console.MarkupLine(Invariant($"API calls today ({report.ApiUsageToday.Day:yyyy-MM-dd} UTC): Lightspeed {report.ApiUsageToday.LightspeedRequests}, Salesforce {report.ApiUsageToday.SalesforceCalls}"));
    }

    private static void WriteOrSayNone(IAnsiConsole console, Table table, int rows, string none)
    {
        if (rows == 0)
        {
            console.MarkupLine(Invariant($"[grey]{Markup.Escape(none)}[/]"));
            return;
        }

        console.Write(table);
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Lag(TimeSpan lag) => lag switch
    {
        { TotalSeconds: < 0 } => "0s",
        { TotalMinutes: < 1 } => Invariant($"{lag.TotalSeconds:0}s"),
        { TotalHours: < 1 } => Invariant($"{(int)lag.TotalMinutes}m {lag.Seconds}s"),
        { TotalDays: < 1 } => Invariant($"{(int)lag.TotalHours}h {lag.Minutes}m"),
        _ => Invariant($"{(int)lag.TotalDays}d {lag.Hours}h"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
