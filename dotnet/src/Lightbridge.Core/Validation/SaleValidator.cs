using Lightbridge.Core.Failures;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;

namespace Lightbridge.Core.Validation;

/// <summary>
/// Validates a normalized sale with its lines and payments. Lines and payments are Master-Detail children of the sale,
/// so a blocking failure on any of them should hold back the whole sale; each failure still names its own record.
/// </summary>
public static class SaleValidator
{
    /// <summary>The length of <c>Ticket_Number__c</c>.</summary>
    public const int TicketNumberMaxLength = 40;

    /// <summary>Returns every failure of <paramref name="sale"/> and its children; empty when the sale is valid.</summary>
    public static IReadOnlyList<RecordFailure> Validate(NormalizedSale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        var failures = new FailureCollector();
        var id = sale.Id;

        // First: a malformed amount is the cause of whatever else looks wrong (a quantity read as zero, say).
        failures.CheckNumbers(SyncEntity.Sale, id, sale.Source.MalformedFields);

        if (sale.Source.ShopId is null)
        {
            failures.Add(SyncEntity.Sale, id, nameof(Sale.ShopId), ValidationRules.SaleNeedsShop,
                $"Sale {id} has no shop (shopID \"0\"), so it cannot be linked to a store.");
        }

        if (sale.SaleTime is null)
        {
            failures.Add(SyncEntity.Sale, id, nameof(Sale.CompletedAt), ValidationRules.SaleNeedsTime,
                $"Sale {id} has neither a completion time nor a creation time.");
        }

        if (sale.Status == SaleStatus.Open)
        {
            failures.Add(SyncEntity.Sale, id, nameof(Sale.Status), ValidationRules.SaleNotCompleted,
                $"Sale {id} is still open; only completed or voided sales are loaded.");
        }

        failures.CheckLength(SyncEntity.Sale, id, nameof(Sale.TicketNumber), sale.Source.TicketNumber, TicketNumberMaxLength);
        failures.CheckFits(SyncEntity.Sale, id, nameof(Sale.Subtotal), sale.Subtotal, MoneyRounding.CurrencyScale);
        failures.CheckFits(SyncEntity.Sale, id, nameof(Sale.Discount), sale.Discount, MoneyRounding.CurrencyScale);
        failures.CheckFits(SyncEntity.Sale, id, nameof(Sale.Tax), sale.Tax, MoneyRounding.CurrencyScale);
        failures.CheckFits(SyncEntity.Sale, id, nameof(Sale.Total), sale.Total, MoneyRounding.CurrencyScale);

        foreach (var line in sale.Lines)
        {
            ValidateLine(line, id, failures);
        }

        foreach (var payment in sale.Payments)
        {
            ValidatePayment(payment, id, failures);
        }

        return failures.Failures;
    }

    private static void ValidateLine(NormalizedSaleLine line, LightspeedId saleId, FailureCollector failures)
    {
        var id = line.Source.Id;
        failures.CheckNumbers(SyncEntity.SaleLine, id, line.Source.MalformedFields);
        if (line.Source.SaleId != saleId)
        {
            failures.Add(SyncEntity.SaleLine, id, nameof(SaleLine.SaleId), ValidationRules.ChildBelongsToSale,
                $"SaleLine {id} names sale {line.Source.SaleId} but came with sale {saleId}.");
        }

        if (line.Quantity == 0)
        {
            failures.Add(SyncEntity.SaleLine, id, nameof(SaleLine.Quantity), ValidationRules.LineNeedsQuantity,
                $"SaleLine {id} of sale {saleId} has no quantity.");
        }

        failures.CheckFits(SyncEntity.SaleLine, id, nameof(SaleLine.Quantity), line.Quantity, MoneyRounding.QuantityScale);
        failures.CheckFits(SyncEntity.SaleLine, id, nameof(SaleLine.UnitPrice), line.UnitPrice, MoneyRounding.CurrencyScale);
        failures.CheckFits(SyncEntity.SaleLine, id, nameof(SaleLine.Discount), line.Discount, MoneyRounding.CurrencyScale);
        failures.CheckFits(SyncEntity.SaleLine, id, nameof(SaleLine.Tax), line.Tax, MoneyRounding.CurrencyScale);
        failures.CheckFits(SyncEntity.SaleLine, id, nameof(SaleLine.LineTotal), line.LineTotal, MoneyRounding.CurrencyScale);
    }

    private static void ValidatePayment(NormalizedSalePayment payment, LightspeedId saleId, FailureCollector failures)
    {
        var id = payment.Source.Id;
        if (payment.Source.SaleId != saleId)
        {
            failures.Add(SyncEntity.SalePayment, id, nameof(SalePayment.SaleId), ValidationRules.ChildBelongsToSale,
                $"SalePayment {id} names sale {payment.Source.SaleId} but came with sale {saleId}.");
        }

        failures.CheckNumbers(SyncEntity.SalePayment, id, payment.Source.MalformedFields);
        failures.CheckFits(SyncEntity.SalePayment, id, nameof(SalePayment.Amount), payment.Amount, MoneyRounding.CurrencyScale);
        failures.CheckLength(SyncEntity.SalePayment, id, nameof(SalePayment.PaymentTypeName), payment.PaymentTypeName, 80);
    }
}
