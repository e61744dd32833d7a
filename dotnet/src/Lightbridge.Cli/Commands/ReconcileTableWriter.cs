using System.Globalization;
using Lightbridge.Sync.GoLive;
using Spectre.Console;

namespace Lightbridge.Cli.Commands;

/// <summary>
/// Renders a reconciliation for a person: the window's totals per store on both sides, the store-days that differ, and
/// the sales that differ (the first ones; Salesforce holds them all as errors).
/// </summary>
internal static class ReconcileTableWriter
{
    public static void Write(IAnsiConsole console, ReconcileRun run, int listed)
    {
        var result = run.Result;
        var window = run.Window;
        console.MarkupLine(Invariant($"[bold]Reconciliation[/] of account {Markup.Escape(run.AccountId)}, UTC days {window.From:yyyy-MM-dd} to {window.To:yyyy-MM-dd}{(window.Store is null ? string.Empty : ", store " + Markup.Escape(window.Store))}: {(result.IsEqual ? "[green]both systems agree[/]" : "[red]differences found[/]")}"));

        var stores = new Table().Title("Per store, whole window").AddColumns("Store", "Receipts LS", "Receipts SF", "Revenue LS", "Revenue SF", "Tax LS", "Tax SF", "Refunds LS", "Refunds SF", "Days differing");
        foreach (var group in result.Days.GroupBy(d => d.Store))
        {
            stores.AddRow(
                Markup.Escape(group.Key),
                Number(group.Sum(d => d.Lightspeed?.Receipts ?? 0)), Number(group.Sum(d => d.Salesforce?.Receipts ?? 0)),
                Money(group.Sum(d => d.Lightspeed?.Revenue ?? 0)), Money(group.Sum(d => d.Salesforce?.Revenue ?? 0)),
                Money(group.Sum(d => d.Lightspeed?.Tax ?? 0)), Money(group.Sum(d => d.Salesforce?.Tax ?? 0)),
                Money(group.Sum(d => d.Lightspeed?.Refunds ?? 0)), Money(group.Sum(d => d.Salesforce?.Refunds ?? 0)),
                Number(group.Count(d => !d.IsEqual)));
        }

        if (result.Days.Count == 0)
        {
            console.WriteLine("No sales in this window on either side.");
        }
        else
        {
            console.Write(stores);
        }

        var differing = result.DifferingDays;
        if (differing.Count > 0)
        {
            var days = new Table().Title("Store-days that differ").AddColumns("Store", "Day", "Receipts LS", "Receipts SF", "Revenue LS", "Revenue SF", "Tax LS", "Tax SF", "Refunds LS", "Refunds SF");
            foreach (var day in differing.Take(listed))
            {
                days.AddRow(
                    Markup.Escape(day.Store), Invariant($"{day.Day:yyyy-MM-dd}"),
                    Number(day.Lightspeed?.Receipts ?? 0), Number(day.Salesforce?.Receipts ?? 0),
                    Money(day.Lightspeed?.Revenue ?? 0), Money(day.Salesforce?.Revenue ?? 0),
                    Money(day.Lightspeed?.Tax ?? 0), Money(day.Salesforce?.Tax ?? 0),
                    Money(day.Lightspeed?.Refunds ?? 0), Money(day.Salesforce?.Refunds ?? 0));
            }

            console.Write(days);
        }

        if (result.Differences.Count > 0)
        {
            var sales = new Table().Title(Invariant($"Sales that differ ({result.Differences.Count})")).AddColumns("Kind", "Sale", "Detail");
            foreach (var difference in result.Differences.Take(listed))
            {
                sales.AddRow(difference.Kind.ToString(), Markup.Escape(difference.ExternalId), Markup.Escape(difference.Detail));
            }

            console.Write(sales);
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
