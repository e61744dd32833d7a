using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Core.Reconciliation;
using Lightbridge.Lightspeed;

namespace Lightbridge.Sync.GoLive;

/// <summary>
/// Reads the completed sales of a window from Lightspeed (by <c>completeTime</c>, voided ones included) and puts them
/// through the sale normalizer the pipeline uses, so amounts are rounded as Salesforce stores them.
/// </summary>
internal sealed class LightspeedSalesReader(LightspeedClient lightspeed)
{
    public async Task<List<SaleFigures>> ReadAsync(AccountContext account, ReconcileWindow window, CancellationToken ct)
    {
        var query = new LightspeedQuery()
            .Where("completed", FilterOperator.Equal, "true")
            .Where("completeTime", FilterOperator.GreaterThanOrEqual, window.Start)
            .Where("completeTime", FilterOperator.LessThan, window.End)
            .SortBy("completeTime");
        if (window.Store is { } store)
        {
            query.Where("shopID", FilterOperator.Equal, store);
        }

        var sales = new List<SaleFigures>();
        await foreach (var sale in lightspeed.GetSalesAsync(query, ct).ConfigureAwait(false))
        {
            sales.Add(Figures(sale, account));
        }

        return sales;
    }

    private static SaleFigures Figures(Sale sale, AccountContext account)
    {
        var scope = account.AccountId.Value;
        var time = sale.CompletedAt ?? sale.CreatedAt ?? DateTimeOffset.MinValue;
        try
        {
            var normalized = SaleNormalizer.Normalize(sale, account);
            return new SaleFigures(normalized.ExternalId.Value, normalized.ShopExternalId?.Value, normalized.SaleTime ?? time, normalized.Status == SaleStatus.Voided, normalized.IsRefund, normalized.Total, normalized.Tax);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            // The sync queues such a sale; it still belongs in the comparison, as read.
            return new SaleFigures($"{scope}-{sale.Id.Value}", sale.ShopId is { } shop ? $"{scope}-{shop.Value}" : null, time, sale.Status == SaleStatus.Voided, sale.IsRefund, sale.Total, sale.Tax);
        }
    }
}
