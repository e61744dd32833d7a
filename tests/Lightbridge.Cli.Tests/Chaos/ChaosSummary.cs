using System.Globalization;
using System.Text;

namespace Lightbridge.Cli.Tests.Chaos;

/// <summary>The tallies of a chaos run, printed as the summary that the suite asserts on and the docs quote.</summary>
internal sealed class ChaosSummary
{
    /// <summary>Rounds run.</summary>
    public int Rounds { get; set; }

    /// <summary>Rounds that ended without a clean run (attempts exhausted).</summary>
    public int Unsettled { get; set; }

    /// <summary><c>lightbridge</c> processes started.</summary>
    public int Processes { get; set; }

    /// <summary>Processes killed with SIGKILL.</summary>
    public int Kills { get; set; }

    /// <summary>Processes that exited 3 (an external system refused or stayed unreachable) and were started again.</summary>
    public int Refused { get; set; }

    /// <summary>Processes that exited with a code the contract does not have for this situation.</summary>
    public int Crashes { get; set; }

    /// <summary>Times every Salesforce session was expired mid-run.</summary>
    public int SessionsExpired { get; set; }

    /// <summary>Windows in which Salesforce refused every call with REQUEST_LIMIT_EXCEEDED.</summary>
    public int LimitWindows { get; set; }

    /// <summary>Times another client drained the shared Lightspeed bucket mid-run.</summary>
    public int BucketDrains { get; set; }

    /// <summary>429s the draining client itself received (left out of the sync's 429s).</summary>
    public long DrainThrottled { get; set; }

    /// <summary>Live changes made in Lightspeed between rounds.</summary>
    public int LiveChanges { get; set; }

    /// <summary>Lightspeed fault counters: server errors, dropped connections, delayed requests, 429s served to lightbridge.</summary>
    public (long ServerErrors, long Dropped, long Delayed, long Throttled) Lightspeed { get; set; }

    /// <summary>The Salesforce emulator's <c>fault.*</c> counters.</summary>
    public IReadOnlyDictionary<string, long> SalesforceFaults { get; set; } = new Dictionary<string, long>();

    /// <summary>Records compared in the last round.</summary>
    public int Compared { get; set; }

    /// <summary>Records lost, summed over rounds.</summary>
    public int Lost { get; set; }

    /// <summary>Records duplicated, summed over rounds.</summary>
    public int Duplicated { get; set; }

    /// <summary>Fields different, summed over rounds.</summary>
    public int FieldsDifferent { get; set; }

    /// <summary>Org records Lightspeed does not account for, summed over rounds.</summary>
    public int Unexpected { get; set; }

    /// <summary>Replay-queue items pending for a reason other than invalid data, summed over rounds.</summary>
    public int StuckInQueue { get; set; }

    /// <summary>Replay-queue items pending for invalid data after the last round.</summary>
    public int QueuedInvalid { get; set; }

    /// <summary>Sales the harness made invalid and has not mended yet: what the replay queue should hold.</summary>
    public int ExpectedInvalid { get; set; }

    /// <summary>The checker's findings, each prefixed with its round.</summary>
    public List<string> Findings { get; } = [];

    /// <summary>Salesforce faults of one kind.</summary>
    public long Salesforce(string kind) => SalesforceFaults.GetValueOrDefault("fault." + kind);

    /// <summary>The printed summary.</summary>
    public string Format(ChaosSettings settings, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        void Line(string label, string value) => text.Append(CultureInfo.InvariantCulture, $"{label,-24}{value}\n");
        Line("chaos run", $"seed {settings.Seed}; account of {settings.Shops} shops, {settings.Customers} customers, {settings.Items} items, {settings.Sales} sales; {elapsed.TotalSeconds:F0} s");
        Line("rounds run", $"{Rounds} ({Unsettled} unsettled)");
        Line("processes", $"{Processes} started, {Kills} killed with SIGKILL, {Refused} exited 3 and restarted, {Crashes} crashed");
        Line("faults, Lightspeed", $"{Lightspeed.ServerErrors} 5xx, {Lightspeed.Dropped} dropped connections, {Lightspeed.Delayed} slow responses, {Lightspeed.Throttled} 429s to lightbridge ({BucketDrains} bucket drains by another client)");
        Line("faults, Salesforce", $"{Salesforce("server-error")} 500, {Salesforce("unavailable")} 503, {Salesforce("lock")} UNABLE_TO_LOCK_ROW, {Salesforce("dropped")} dropped connections, {Salesforce("latency")} slow responses, {Salesforce("limit")} REQUEST_LIMIT_EXCEEDED ({LimitWindows} windows), {SessionsExpired} session expiries");
        Line("faults injected", (Lightspeed.ServerErrors + Lightspeed.Dropped + Lightspeed.Throttled + SalesforceFaults.Where(f => f.Key != "fault.latency").Sum(f => f.Value) + SessionsExpired).ToString(CultureInfo.InvariantCulture) + " (slow responses aside)");
        Line("live changes", LiveChanges.ToString(CultureInfo.InvariantCulture));
        Line("records compared", $"{Compared} (last round)");
        Line("records lost", Lost.ToString(CultureInfo.InvariantCulture));
        Line("records duplicated", Duplicated.ToString(CultureInfo.InvariantCulture));
        Line("fields different", FieldsDifferent.ToString(CultureInfo.InvariantCulture));
        Line("unexpected records", Unexpected.ToString(CultureInfo.InvariantCulture));
        Line("stuck in replay queue", StuckInQueue.ToString(CultureInfo.InvariantCulture));
        Line("queued as invalid", $"{QueuedInvalid} (the harness made {ExpectedInvalid} sale(s) invalid and not yet mended)");
        foreach (var finding in Findings.Take(40))
        {
            text.Append("  ").Append(finding).Append('\n');
        }

        return text.ToString();
    }
}
