using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;

namespace Lightbridge.Core.Normalization;

/// <summary>
/// Normalizes a sale with its lines and payments: account-scoped external ids, the shop's currency, money rounded as
/// Salesforce stores it, refunds and voids recognised (DESIGN.md, "Data flow", step 2).
/// </summary>
public static class SaleNormalizer
{
    /// <summary>The payment type name used when the <c>SalePayments.PaymentType</c> relation was not loaded.</summary>
    public const string UnknownPaymentType = "Unknown";

    /// <summary>Normalizes <paramref name="sale"/>.</summary>
    /// <param name="sale">The sale as read.</param>
    /// <param name="account">The account it belongs to.</param>
    /// <param name="saleVoid">
    /// A <see cref="SaleVoid"/> for this sale, if one was seen. A void may not move the sale's <c>timeStamp</c>, so it is
    /// polled separately and applied here (shared/reference/lightspeed-api.md §9.7).
    /// </param>
    public static NormalizedSale Normalize(Sale sale, AccountContext account, SaleVoid? saleVoid = null)
    {
        ArgumentNullException.ThrowIfNull(sale);
        ArgumentNullException.ThrowIfNull(account);
        if (saleVoid is not null && saleVoid.SaleId != sale.Id)
        {
            throw new ArgumentException($"SaleVoid {saleVoid.Id} voids sale {saleVoid.SaleId}, not sale {sale.Id}.", nameof(saleVoid));
        }

        var id = Scoped(account, sale.Id);
        var lines = sale.Lines.Select(line => NormalizeLine(line, account, id)).ToList();
        var payments = sale.Payments.Select(payment => NormalizePayment(payment, account, id)).ToList();
        var status = saleVoid is not null ? SaleStatus.Voided : sale.Status;

        return new NormalizedSale(
            sale,
            id,
            sale.ShopId is { } shop ? Scoped(account, shop) : null,
            sale.CustomerId is { } customer ? Scoped(account, customer) : null,
            account.CurrencyFor(sale.ShopId),
            status,
            // Lightspeed has no refund flag; a refund is a sale with negative lines (shared/reference/lightspeed-api.md §3, Refunds).
            sale.IsRefund || lines.Exists(l => l.IsRefund) || sale.Total < 0,
            sale.CompletedAt ?? sale.CreatedAt,
            MoneyRounding.ToCurrency(sale.Subtotal),
            MoneyRounding.ToCurrency(sale.Discount),
            MoneyRounding.ToCurrency(sale.Tax),
            MoneyRounding.ToCurrency(sale.Total),
            lines,
            payments);
    }

    private static NormalizedSaleLine NormalizeLine(SaleLine line, AccountContext account, ExternalId saleId) =>
        new(
            line,
            Scoped(account, line.Id),
            saleId,
            line.ItemId is { } item ? Scoped(account, item) : null,
            line.ParentLineId is { } parent ? Scoped(account, parent) : null,
            MoneyRounding.ToQuantity(line.Quantity),
            MoneyRounding.ToCurrency(line.UnitPrice),
            MoneyRounding.ToCurrency(line.Discount),
            MoneyRounding.ToCurrency(line.Tax),
            MoneyRounding.ToCurrency(line.LineTotal));

    private static NormalizedSalePayment NormalizePayment(SalePayment payment, AccountContext account, ExternalId saleId) =>
        new(
            payment,
            Scoped(account, payment.Id),
            saleId,
            string.IsNullOrWhiteSpace(payment.PaymentTypeName) ? UnknownPaymentType : payment.PaymentTypeName.Trim(),
            MoneyRounding.ToCurrency(payment.Amount),
            payment.CreatedAt,
            payment.Archived);

    private static ExternalId Scoped(AccountContext account, LightspeedId id) => new(account.AccountId, id);
}
