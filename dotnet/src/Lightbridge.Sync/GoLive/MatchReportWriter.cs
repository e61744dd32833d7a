using System.Globalization;
using System.Text;
using CsvHelper;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Reconciliation;

namespace Lightbridge.Sync.GoLive;

/// <summary>
/// Writes a <see cref="MatchReport"/> as the operator's two files: a CSV with one row per customer and a Markdown
/// summary (counts per outcome and rule, the writes a sync would make, the org's duplicate clusters).
/// </summary>
/// <remarks>
/// Emails and phones are masked in both files (<c>j***@example.com</c>, <c>+14*******199</c>): the files are made to be
/// passed around before go-live (mailed to the CRM owner, attached to a ticket), while the Lightspeed and Salesforce ids
/// they carry are enough to open each customer and record in its own system. Nothing personal leaves either system.
/// </remarks>
public static class MatchReportWriter
{
    /// <summary>The CSV header, in column order.</summary>
    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "LightspeedId", "ExternalId", "Email", "Phone", "Outcome", "Rule", "Write", "TargetObject", "TargetId", "Candidates", "CollapsedWith", "Detail",
    ];

    /// <summary>Writes the CSV (RFC 4180, comma, header row; candidate ids separated by spaces).</summary>
    public static void WriteCsv(MatchReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in CsvColumns)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (var row in report.Rows)
        {
            csv.WriteField(row.LightspeedId);
            csv.WriteField(row.ExternalId);
            csv.WriteField(row.Email ?? string.Empty);
            csv.WriteField(row.Phone ?? string.Empty);
            csv.WriteField(row.Outcome.ToString());
            csv.WriteField(row.Rule ?? string.Empty);
            csv.WriteField(row.Write);
            csv.WriteField(row.TargetObject ?? string.Empty);
            csv.WriteField(row.TargetId ?? string.Empty);
            csv.WriteField(string.Join(' ', row.Candidates));
            csv.WriteField(row.CollapsedWith ?? string.Empty);
            csv.WriteField(row.Detail ?? string.Empty);
            csv.NextRecord();
        }
    }

    /// <summary>Writes the Markdown summary.</summary>
    public static void WriteMarkdown(MatchReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var tally = report.Tally;
        var text = new StringBuilder();
        text.AppendLine("# Lightbridge match report");
        text.AppendLine();
        text.AppendLine(Invariant($"Generated {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC from {tally.Customers} Lightspeed customers and {report.IndexedRecords} Salesforce Contacts and Leads. Nothing was written to either system."));
        text.AppendLine();
        text.AppendLine("## Customers per outcome");
        text.AppendLine();
        text.AppendLine("| Outcome | Customers |");
        text.AppendLine("|---|---:|");
        foreach (var (outcome, count) in tally.Outcomes)
        {
            text.AppendLine(Invariant($"| {outcome} | {count} |"));
        }

        text.AppendLine();
        text.AppendLine("## Matches per rule");
        text.AppendLine();
        text.AppendLine("| Rule | Customers |");
        text.AppendLine("|---|---:|");
        foreach (var (rule, count) in tally.MatchedByRule)
        {
            text.AppendLine(Invariant($"| {rule} | {count} |"));
        }

        text.AppendLine();
        text.AppendLine("## What a first sync would write");
        text.AppendLine();
        text.AppendLine(Invariant($"- Records created: {tally.Creates} (duplicates inside Lightspeed share one record)"));
        text.AppendLine(Invariant($"- Records updated: {tally.Updates}"));
        text.AppendLine(Invariant($"- Customers already up to date: {tally.Unchanged}"));
        text.AppendLine(Invariant($"- Customers queued for review (invalid, ambiguous or matched to a missing record): {tally.Queued}"));
        text.AppendLine();
        text.AppendLine("## Salesforce duplicates to merge before go-live");
        text.AppendLine();
        if (report.Clusters.Count == 0)
        {
            text.AppendLine("No two Contacts or Leads share a normalized email or phone.");
        }
        else
        {
            text.AppendLine(Invariant($"{report.Clusters.Count} clusters of records share a normalized email or phone; a customer with that email or phone matches ambiguously until they are merged."));
            text.AppendLine();
            text.AppendLine("| Shared | Value (masked) | Records |");
            text.AppendLine("|---|---|---|");
            foreach (var cluster in report.Clusters)
            {
                var records = string.Join(", ", cluster.Records.Select(r => $"{r.ObjectType} {r.Id}"));
                text.AppendLine(Invariant($"| {cluster.KeyKind} | {Mask(cluster)} | {records} |"));
            }
        }

        writer.Write(text.ToString());
    }

    private static string Mask(DuplicateCluster cluster)
    {
        if (cluster.KeyKind == "Phone")
        {
            return PhoneNumber.TryFromE164(cluster.Key, out var phone) ? phone.ToString() : "***";
        }

        var at = cluster.Key.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? $"{cluster.Key[0]}***{cluster.Key[at..]}" : "***";
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
