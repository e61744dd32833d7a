namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>
/// Builds sales, refunds and voids into the store, for the generator and for mutations alike. Line amounts stay
/// unrounded and payments cover the rounded total (reference sections 3 and 9 items 5–7).
/// </summary>
internal sealed class SaleBuilder(EmulatorStore store, Random random)
{
    private static readonly decimal[] Discounts = [0.05m, 0.10m, 0.15m, 0.20m];

    /// <summary>Adds a new sale with 1–5 lines at <paramref name="created"/>; completed ones get split payments.</summary>
    public SaleRecord AddSale(DateTimeOffset created, ShopRecord shop, int customerId, bool completed, bool allowEmpty)
    {
        var registers = store.Registers.Rows.Where(r => r.ShopId == shop.ShopId).ToList();
        var register = registers.Count == 0 ? 0 : registers[random.Next(registers.Count)].RegisterId;
        var completeTime = created.AddSeconds(random.Next(30, 900));
        var sale = new SaleRecord
        {
            SaleId = store.Sales.NextId,
            ShopId = shop.ShopId,
            RegisterId = register,
            CustomerId = customerId,
            EmployeeId = random.Next(1, 7),
            Completed = completed,
            Tax1Rate = shop.Tax1Rate,
            Tax2Rate = shop.Tax2Rate,
            TicketNumber = (220000000000L + store.Sales.NextId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            CreateTime = created,
            TimeStamp = completed ? completeTime : created,
            UpdateTime = completed ? completeTime : created,
            CompleteTime = completed ? completeTime : null,
        };

        // An open sale may have no lines yet, so its SaleLines relation is missing on the wire.
        var lineCount = allowEmpty && !completed && random.Next(2) == 0 ? 0 : random.Next(1, 6);
        for (var i = 0; i < lineCount; i++)
        {
            sale.Lines.Add(NewLine(sale, shop));
        }

        if (completed)
        {
            AddPayments(sale, sale.Total, refund: null);
        }

        store.Sales.Add(sale);
        return sale;
    }

    /// <summary>Adds a refund of some lines of <paramref name="original"/>: negative quantities, positive prices, negative payments.</summary>
    public SaleRecord AddRefund(DateTimeOffset created, SaleRecord original)
    {
        var completeTime = created.AddSeconds(random.Next(30, 600));
        var refund = new SaleRecord
        {
            SaleId = store.Sales.NextId,
            ShopId = original.ShopId,
            RegisterId = original.RegisterId,
            CustomerId = original.CustomerId,
            EmployeeId = random.Next(1, 7),
            Completed = true,
            Tax1Rate = original.Tax1Rate,
            Tax2Rate = original.Tax2Rate,
            TicketNumber = (220000000000L + store.Sales.NextId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            CreateTime = created,
            TimeStamp = completeTime,
            UpdateTime = completeTime,
            CompleteTime = completeTime,
        };

        var refunded = original.Lines.Where(_ => random.Next(3) > 0).ToList();
        if (refunded.Count == 0)
        {
            refunded.Add(original.Lines[0]);
        }

        foreach (var line in refunded)
        {
            var quantity = line.UnitQuantity > 1 && random.Next(2) == 0 ? 1 : line.UnitQuantity;
            refund.Lines.Add(new SaleLineRecord
            {
                SaleLineId = store.NextSaleLineId++,
                SaleId = refund.SaleId,
                ItemId = line.ItemId,
                UnitQuantity = -quantity,
                UnitPrice = line.UnitPrice,
                DiscountPercent = line.DiscountPercent,
                AvgCost = line.AvgCost,
                Tax1Rate = line.Tax1Rate,
                Tax2Rate = line.Tax2Rate,
                ParentSaleLineId = line.SaleLineId,
                ShopId = refund.ShopId,
                CustomerId = refund.CustomerId,
                EmployeeId = refund.EmployeeId,
                TaxClassId = line.TaxClassId,
                CreateTime = created,
                TimeStamp = completeTime,
            });
        }

        AddPayments(refund, refund.Total, original);
        store.Sales.Add(refund);
        return refund;
    }

    /// <summary>Voids a completed sale: <c>voided=true</c> stays on a completed sale, updatetime moves, a SaleVoid row appears.</summary>
    public SaleVoidRecord Void(SaleRecord sale, DateTimeOffset when)
    {
        sale.Voided = true;
        sale.UpdateTime = when;
        var row = new SaleVoidRecord
        {
            SaleVoidId = store.SaleVoids.NextId,
            SaleId = sale.SaleId,
            EmployeeId = random.Next(1, 7),
            ShopId = sale.ShopId,
            Reason = SampleData.VoidReasons[random.Next(SampleData.VoidReasons.Length)],
            CreateTime = when,
        };
        store.SaleVoids.Add(row);
        return row;
    }

    private SaleLineRecord NewLine(SaleRecord sale, ShopRecord shop)
    {
        var items = store.Items.Rows;
        // About one line in sixteen is a misc line (itemID "0", reference section 9 item 4).
        var misc = items.Count == 0 || random.Next(16) == 0;
        var item = misc ? null : items[random.Next(items.Count)];
        if (item is { Archived: true })
        {
            item = items[random.Next(items.Count)];
        }

        var price = item?.PriceDefault ?? (random.Next(100, 5000) / 100m);
        var taxed = item?.Tax ?? true;
        return new SaleLineRecord
        {
            SaleLineId = store.NextSaleLineId++,
            SaleId = sale.SaleId,
            ItemId = item?.ItemId ?? 0,
            UnitQuantity = random.Next(5) == 0 ? random.Next(2, 4) : 1,
            UnitPrice = price,
            DiscountPercent = random.Next(7) == 0 ? Discounts[random.Next(Discounts.Length)] : 0m,
            AvgCost = item?.DefaultCost ?? 0m,
            Tax1Rate = taxed ? shop.Tax1Rate : 0m,
            Tax2Rate = taxed ? shop.Tax2Rate : 0m,
            ShopId = shop.ShopId,
            CustomerId = sale.CustomerId,
            EmployeeId = sale.EmployeeId,
            TaxClassId = item?.TaxClassId ?? 1,
            CreateTime = sale.CreateTime,
            TimeStamp = sale.TimeStamp,
        };
    }

    private void AddPayments(SaleRecord sale, decimal total, SaleRecord? refund)
    {
        var when = sale.CompleteTime ?? sale.CreateTime;
        if (refund is not null)
        {
            var original = refund.Payments.Count == 0 ? null : refund.Payments[0];
            AddPayment(sale, total, original?.PaymentTypeId ?? 1, when, original?.PaymentTypeId == 2 ? original.SalePaymentId : 0);
            return;
        }

        // Mostly one payment; a quarter split in two (cash + card); a few three ways with a gift card.
        var roll = random.Next(20);
        if (roll < 14 || total < 5m)
        {
            AddPayment(sale, total, random.Next(3) + 1, when, 0);
        }
        else if (roll < 19)
        {
            var first = SaleRecord.Round(total * random.Next(20, 80) / 100m);
            AddPayment(sale, first, 1, when, 0);
            AddPayment(sale, total - first, 2, when, 0);
        }
        else
        {
            var gift = SaleRecord.Round(Math.Min(25m, total / 3));
            var cash = SaleRecord.Round((total - gift) / 2);
            AddPayment(sale, gift, 4, when, 0);
            AddPayment(sale, cash, 1, when, 0);
            AddPayment(sale, total - gift - cash, 2, when, 0);
        }
    }

    private void AddPayment(SaleRecord sale, decimal amount, int paymentTypeId, DateTimeOffset when, int refPaymentId) =>
        sale.Payments.Add(new SalePaymentRecord
        {
            SalePaymentId = store.NextSalePaymentId++,
            SaleId = sale.SaleId,
            Amount = amount,
            PaymentTypeId = paymentTypeId,
            RegisterId = sale.RegisterId,
            EmployeeId = sale.EmployeeId,
            RefPaymentId = refPaymentId,
            CreateTime = when,
        });
}
