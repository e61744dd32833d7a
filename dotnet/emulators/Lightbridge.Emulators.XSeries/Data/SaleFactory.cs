using System.Globalization;

namespace Lightbridge.Emulators.XSeries.Data;

/// <summary>Builds sales and their refunds the way the real POS records them; stamps a fresh version on each.</summary>
internal static class SaleFactory
{
    public static SaleRecord Create(
        XSeriesStore store,
        IdSource ids,
        RegisterRecord register,
        string? customerId,
        IReadOnlyList<(ProductRecord Product, int Quantity)> lines,
        DateTimeOffset at,
        string status,
        Random random)
    {
        var sale = NewSale(store, ids, register.OutletId, register.Id, customerId, at, status);
        foreach (var (product, quantity) in lines)
        {
            var discount = random.NextDouble() < 0.15 ? Math.Round(product.PriceExcludingTax * 0.1m, 2) : 0m;
            var price = product.PriceExcludingTax - discount;
            sale.LineItems.Add(new LineItemRecord
            {
                Id = ids.Next(),
                ProductId = product.Id,
                Quantity = quantity,
                Price = price,
                Tax = Math.Round(price * store.TaxRate, 5),
                Discount = discount,
                TaxId = store.DefaultTaxId,
            });
        }

        var total = Math.Round(sale.TotalPrice + sale.TotalTax, 2);
        var paid = status switch
        {
            SaleStatus.Closed or SaleStatus.Voided or SaleStatus.OnAccountClosed => total,
            SaleStatus.Layby => Math.Round(total / 3, 2),
            _ => 0m,
        };
        if (paid != 0)
        {
            // A closed sale is sometimes split over two tenders.
            if (status == SaleStatus.Closed && random.NextDouble() < 0.15 && paid > 10)
            {
                var first = Math.Round(paid / 2, 2);
                AddPayment(ids, sale, store.PaymentTypes[0], first, at);
                AddPayment(ids, sale, store.PaymentTypes[1], paid - first, at);
            }
            else
            {
                AddPayment(ids, sale, store.PaymentTypes[random.Next(Math.Min(4, store.PaymentTypes.Count))], paid, at);
            }
        }

        return sale;
    }

    /// <summary>A return against <paramref name="original"/>: its first lines with negative quantities, refunded in cash.</summary>
    public static SaleRecord Refund(XSeriesStore store, IdSource ids, SaleRecord original, DateTimeOffset at, int lineCount)
    {
        var sale = NewSale(store, ids, original.OutletId, original.RegisterId, original.CustomerId, at, SaleStatus.Closed);
        sale.ReturnFor = original.Id;
        foreach (var line in original.LineItems.Take(lineCount))
        {
            sale.LineItems.Add(new LineItemRecord
            {
                Id = ids.Next(),
                ProductId = line.ProductId,
                Quantity = -line.Quantity,
                Price = line.Price,
                Tax = line.Tax,
                Discount = line.Discount,
                IsReturn = true,
                TaxId = line.TaxId,
            });
        }

        AddPayment(ids, sale, store.PaymentTypes[0], Math.Round(sale.TotalPrice + sale.TotalTax, 2), at);
        return sale;
    }

    private static SaleRecord NewSale(XSeriesStore store, IdSource ids, string outletId, string registerId, string? customerId, DateTimeOffset at, string status)
    {
        var sale = new SaleRecord
        {
            Id = ids.Next(),
            OutletId = outletId,
            RegisterId = registerId,
            UserId = store.UserId,
            CustomerId = customerId,
            InvoiceNumber = (store.NextInvoice++).ToString(CultureInfo.InvariantCulture),
            Status = status,
            SaleDate = at,
            CreatedAt = at,
        };
        sale.Version = store.NextVersion();
        sale.UpdatedAt = at;
        return sale;
    }

    private static void AddPayment(IdSource ids, SaleRecord sale, PaymentTypeRecord type, decimal amount, DateTimeOffset at) =>
        sale.Payments.Add(new PaymentRecord
        {
            Id = ids.Next(),
            RetailerPaymentTypeId = type.Id,
            PaymentTypeId = type.TypeId,
            Name = type.Name,
            Amount = amount,
            PaymentDate = at,
        });
}
