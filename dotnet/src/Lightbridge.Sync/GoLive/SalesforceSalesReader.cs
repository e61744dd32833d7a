using System.Globalization;
using System.Text.Json;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Reconciliation;
using Lightbridge.Salesforce;
using Lightbridge.Sync.Pipelines.Customers;

namespace Lightbridge.Sync.GoLive;

/// <summary>
/// Reads the same window from <c>Lightspeed_Sale__c</c>: every sale of the account (its external ids start with the
/// account id) with the fields reconciliation compares, and the store-day figures through aggregate SOQL.
/// </summary>
/// <remarks>
/// The figures come from one aggregate query per UTC day that either side has a sale on (<c>GROUP BY</c> store and
/// refund flag, <c>COUNT</c> and <c>SUM</c>) rather than one query grouped by <c>DAY_ONLY(Sale_Time__c)</c>: the day
/// bounds are then the same instants the Lightspeed read uses, whatever time zone an org's date functions would apply
/// (and the emulated org needs no date functions), at the cost of one call per trading day.
/// </remarks>
internal sealed class SalesforceSalesReader(SalesforceClient salesforce)
{
    private const string Sale = SalesforceSchema.Sale.ObjectName;

    public async Task<List<SaleFigures>> ReadSalesAsync(string accountId, ReconcileWindow window, CancellationToken ct)
    {
        var soql = $"SELECT {SalesforceSchema.Sale.LightspeedSaleId}, Store__r.Lightspeed_Shop_Id__c, {SalesforceSchema.Sale.SaleTime}, {SalesforceSchema.Sale.Status}, "
            + $"{SalesforceSchema.Sale.IsRefund}, {SalesforceSchema.Sale.Total}, {SalesforceSchema.Sale.Tax} FROM {Sale} WHERE {Scope(accountId, window)} "
            + $"AND {SalesforceSchema.Sale.SaleTime} >= {Soql.DateTime(window.Start)} AND {SalesforceSchema.Sale.SaleTime} < {Soql.DateTime(window.End)}";
        var sales = new List<SaleFigures>();
        await foreach (var row in salesforce.QueryAsync(soql, ct).ConfigureAwait(false))
        {
            var store = row.TryGetProperty("Store__r", out var parent) && parent.ValueKind == JsonValueKind.Object ? IdentityEntryFactory.Text(parent, "Lightspeed_Shop_Id__c") : null;
            sales.Add(new SaleFigures(
                IdentityEntryFactory.Text(row, SalesforceSchema.Sale.LightspeedSaleId) ?? string.Empty,
                store,
                IdentityEntryFactory.Instant(IdentityEntryFactory.Text(row, SalesforceSchema.Sale.SaleTime)),
                string.Equals(IdentityEntryFactory.Text(row, SalesforceSchema.Sale.Status), "Voided", StringComparison.OrdinalIgnoreCase),
                row.TryGetProperty(SalesforceSchema.Sale.IsRefund, out var refund) && refund.ValueKind == JsonValueKind.True,
                Money(row, SalesforceSchema.Sale.Total),
                Money(row, SalesforceSchema.Sale.Tax)));
        }

        return sales;
    }

    /// <summary>The figures of <paramref name="days"/> (the days either side has a sale on), one aggregate query each.</summary>
    public async Task<List<StoreDayTotals>> ReadTotalsAsync(string accountId, ReconcileWindow window, IEnumerable<DateOnly> days, CancellationToken ct)
    {
        var totals = new List<StoreDayTotals>();
        foreach (var day in days.Distinct().Order())
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var soql = $"SELECT Store__r.Lightspeed_Shop_Id__c, {SalesforceSchema.Sale.IsRefund}, COUNT(Id) receipts, SUM({SalesforceSchema.Sale.Total}) revenue, SUM({SalesforceSchema.Sale.Tax}) tax "
                + $"FROM {Sale} WHERE {Scope(accountId, window)} AND {SalesforceSchema.Sale.Status} = 'Completed' "
                + $"AND {SalesforceSchema.Sale.SaleTime} >= {Soql.DateTime(start)} AND {SalesforceSchema.Sale.SaleTime} < {Soql.DateTime(start.AddDays(1))} "
                + $"GROUP BY Store__r.Lightspeed_Shop_Id__c, {SalesforceSchema.Sale.IsRefund}";
            await foreach (var row in salesforce.QueryAsync(soql, ct).ConfigureAwait(false))
            {
                var store = IdentityEntryFactory.Text(row, "Lightspeed_Shop_Id__c") ?? StoreDayTotals.NoStore;
                var isRefund = row.TryGetProperty(SalesforceSchema.Sale.IsRefund, out var refund) && refund.ValueKind == JsonValueKind.True;
                var revenue = Money(row, "revenue");
                totals.Add(new StoreDayTotals(store, day, (int)Money(row, "receipts"), revenue, Money(row, "tax"), isRefund ? revenue : 0m));
            }
        }

        return totals;
    }

    /// <summary>The account's sales, and one store's when the window names one.</summary>
    private static string Scope(string accountId, ReconcileWindow window)
    {
        var scope = $"{SalesforceSchema.Sale.LightspeedSaleId} LIKE {Soql.Quote(accountId + "-%")}";
        return window.Store is { } store ? $"{scope} AND Store__r.Lightspeed_Shop_Id__c = {Soql.Quote($"{accountId}-{store}")}" : scope;
    }

    private static decimal Money(JsonElement row, string field) =>
        row.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal()
        : row.TryGetProperty(field, out value) && value.ValueKind == JsonValueKind.String && decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : 0m;
}
