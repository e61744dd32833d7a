using Lightbridge.Sync.Mapping;

namespace Lightbridge.Bench.Micro;

/// <summary>The sale the micro benchmarks transform: three lines and one payment, in the R-Series wire shape.</summary>
internal static class SampleSale
{
    /// <summary>The Salesforce id of the sale's Contact.</summary>
    public const string ContactId = "003000000000001AAA";

    /// <summary>
    /// One completed sale as <c>Sale.json?load_relations=["SaleLines","SalePayments","SalePayments.PaymentType"]</c>
    /// returns it: numbers and booleans as strings, <c>"0"</c> for no parent line, relations wrapped in objects.
    /// </summary>
    public const string WireJson = """
        {"saleID":"100","timeStamp":"2026-05-01T18:30:00+00:00","discountPercent":"0","completed":"true","archived":"false",
         "voided":"false","enablePromotions":"true","isTaxInclusive":"false","createTime":"2026-05-01T18:20:00+00:00",
         "updatetime":"2026-05-01T18:31:00+00:00","completeTime":"2026-05-01T18:30:00+00:00","referenceNumber":"",
         "referenceNumberSource":"","tax1Rate":"0.13","tax2Rate":"0","change":"0","receiptPreference":"printed",
         "displayableSubtotal":"94.85","ticketNumber":"220000000002","calcDiscount":"3.5","calcTotal":"103.22",
         "calcSubtotal":"94.85","calcTaxable":"91.35","calcNonTaxable":"0","calcAvgCost":"40","calcFIFOCost":"40",
         "calcTax1":"11.8755","calcTax2":"0","calcPayments":"103.22","calcItemFees":"0","total":"103.22",
         "totalDue":"103.22","displayableTotal":"103.22","balance":"0","customerID":"7","discountID":"0",
         "employeeID":"2","quoteID":"0","registerID":"3","shipToID":"0","shopID":"1","taxCategoryID":"1",
         "SaleLines":{"SaleLine":[
           {"saleLineID":"1","createTime":"2026-05-01T18:21:00+00:00","timeStamp":"2026-05-01T18:30:00+00:00",
            "unitQuantity":"2","unitPrice":"34.95","normalUnitPrice":"0","discountAmount":"0","discountPercent":"0",
            "avgCost":"10","fifoCost":"10","tax":"true","tax1Rate":"0.13","tax2Rate":"0","isLayaway":"false",
            "isWorkorder":"false","isSpecialOrder":"false","displayableSubtotal":"69.9","displayableUnitPrice":"34.95",
            "calcLineDiscount":"3.5","calcTransactionDiscount":"0","calcTotal":"75.032","calcSubtotal":"69.9",
            "calcTax1":"8.632","calcTax2":"0","taxClassID":"1","customerID":"7","discountID":"0","employeeID":"2",
            "itemID":"55","noteID":"0","parentSaleLineID":"0","shopID":"1","saleID":"100"},
           {"saleLineID":"2","createTime":"2026-05-01T18:22:00+00:00","timeStamp":"2026-05-01T18:30:00+00:00",
            "unitQuantity":"1","unitPrice":"19.95","normalUnitPrice":"0","discountAmount":"0","discountPercent":"0",
            "avgCost":"8","fifoCost":"8","tax":"true","tax1Rate":"0.13","tax2Rate":"0","isLayaway":"false",
            "isWorkorder":"false","isSpecialOrder":"false","displayableSubtotal":"19.95","displayableUnitPrice":"19.95",
            "calcLineDiscount":"0","calcTransactionDiscount":"0","calcTotal":"22.5435","calcSubtotal":"19.95",
            "calcTax1":"2.5935","calcTax2":"0","taxClassID":"1","customerID":"7","discountID":"0","employeeID":"2",
            "itemID":"56","noteID":"0","parentSaleLineID":"0","shopID":"1","saleID":"100"},
           {"saleLineID":"3","createTime":"2026-05-01T18:23:00+00:00","timeStamp":"2026-05-01T18:30:00+00:00",
            "unitQuantity":"1","unitPrice":"5","normalUnitPrice":"0","discountAmount":"0","discountPercent":"0",
            "avgCost":"2","fifoCost":"2","tax":"true","tax1Rate":"0.13","tax2Rate":"0","isLayaway":"false",
            "isWorkorder":"false","isSpecialOrder":"false","displayableSubtotal":"5","displayableUnitPrice":"5",
            "calcLineDiscount":"0","calcTransactionDiscount":"0","calcTotal":"5.65","calcSubtotal":"5",
            "calcTax1":"0.65","calcTax2":"0","taxClassID":"1","customerID":"7","discountID":"0","employeeID":"2",
            "itemID":"0","noteID":"0","parentSaleLineID":"0","shopID":"1","saleID":"100"}]},
         "SalePayments":{"SalePayment":
           {"salePaymentID":"9","amount":"103.22","tipAmount":"0","createTime":"2026-05-01T18:29:00+00:00",
            "archived":"false","remoteReference":"","paymentID":"","saleID":"100","paymentTypeID":"4",
            "ccChargeID":"0","refPaymentID":"0","registerID":"3","employeeID":"2","creditAccountID":"0",
            "PaymentType":{"paymentTypeID":"4","name":"Visa","requireCustomer":"false","archived":"false",
              "internalReserved":"true","type":"credit card","refundAsPaymentTypeID":"4"}}}}
        """;

    /// <summary>
    /// Two overrides of the shipped mapping: a text template on the sale's ticket number, an expression on each line's
    /// total (so a sale evaluates four templates).
    /// </summary>
    public static MappingOptions TwoOverrides()
    {
        var options = new MappingOptions();
        options.Overrides["Lightspeed_Sale__c"] = new() { ["Ticket_Number__c"] = "{{ sale.ticket_number }} ({{ sale.currency }})" };
        options.Overrides["Lightspeed_Sale_Line__c"] = new() { ["Line_Total__c"] = "line.quantity * line.unit_price" };
        return options;
    }
}
