using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lightbridge.Cli.Commands.Demo;

/// <summary>Writes the report to the output folder: <c>report.md</c> to read, <c>report.json</c> with the same figures for tools and tests.</summary>
internal static class DemoReportWriter
{
    /// <summary>The readable report.</summary>
    public const string MarkdownFile = "report.md";

    /// <summary>The machine-readable report.</summary>
    public const string JsonFile = "report.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task WriteAsync(DemoReport report, DemoOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        await File.WriteAllTextAsync(Path.Combine(options.OutputFolder, JsonFile), JsonSerializer.Serialize(report, Json), ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(options.OutputFolder, MarkdownFile), Markdown(report, options), ct).ConfigureAwait(false);
    }

    /// <summary>The report as Markdown: what was generated, then every table.</summary>
    public static string Markdown(DemoReport report, DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder();
        var size = report.Size;
        text.AppendLine("# Lightbridge demo report").AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"A generated Lightspeed account (seed {size.Seed}: {size.Shops} shops, {size.Customers:N0} customers, {size.Items:N0} items, {size.Sales:N0} sales with refunds and voids) synced into an emulated org that already held messy Contacts and Leads, through the `lightbridge run` worker: a full pass; live changes ({report.LiveChanges.NewSales.Count} new sales, customer {Show(report.LiveChanges.EditedCustomer)} edited, sale {Show(report.LiveChanges.VoidedSale)} voided); a resync request published as a platform event; an incremental pass."));
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"State file: `{options.StatePath}` (inspect it with `lightbridge status --config ...` pointing `State:Path` at it)."));
        foreach (var table in ReportTables.From(report))
        {
            text.AppendLine().Append("## ").AppendLine(table.Title).AppendLine();
            text.Append("| ").AppendJoin(" | ", table.Headers.Select(Cell)).AppendLine(" |");
            text.Append('|').AppendJoin("|", table.Headers.Select((_, i) => table.TextColumns.Contains(i) ? "---" : "---:")).AppendLine("|");
            foreach (var row in table.Rows)
            {
                text.Append("| ").AppendJoin(" | ", row.Select(Cell)).AppendLine(" |");
            }

            if (table.Note is { } note)
            {
                text.AppendLine().AppendLine(note);
            }
        }

        return text.ToString();
    }

    private static string Show(int? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "(none)";

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
