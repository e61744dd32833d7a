using Lightbridge.Emulators.Salesforce.Schema;
using Lightbridge.Emulators.Salesforce.Store;

namespace Lightbridge.Emulators.Salesforce.Validation;

/// <summary>
/// What an org's save does for the standard product objects beyond field checks (docs/emulators.md, "Opportunities and
/// price books"): a price book entry is unique per price book and product, and a custom price book's entry needs the
/// product's standard price first; a line item names its price book entry (or a product the opportunity's price book
/// prices), that entry must be active and in the opportunity's price book (the first line item assigns it), and exactly
/// one of UnitPrice and TotalPrice gives its price; an opportunity with line items has their TotalPrice summed as its
/// Amount, whatever a writer sends.
/// </summary>
internal sealed class ProductRules
{
    private const string Opportunity = "Opportunity";
    private const string LineItem = "OpportunityLineItem";
    private const string Entry = "PricebookEntry";
    private const string Pricebook = "Pricebook2";
    private const string Product = "Product2";

    private readonly RecordStore _store;

    public ProductRules(RecordStore store)
    {
        _store = store;
    }

    /// <summary>Checks a record about to be saved and fills the values the org derives; the errors the org reports, if any.</summary>
    public List<ApiError> Apply(ObjectDefinition definition, SObjectRecord? existing, Dictionary<string, object?> values, IReadOnlyDictionary<string, object?> changes)
    {
        var errors = new List<ApiError>();
        switch (definition.Name)
        {
            case Entry:
                ApplyEntry(definition, existing, values, errors);
                break;
            case LineItem:
                ApplyLineItem(existing, values, changes, errors);
                break;
            case Opportunity:
                ApplyOpportunity(existing, values);
                break;
            default:
                break;
        }

        return errors;
    }

    /// <summary>After a line item is written or deleted: its opportunity's Amount, line-item flag and price book.</summary>
    public void AfterWrite(ObjectDefinition definition, SObjectRecord? before, SObjectRecord? after, DateTimeOffset now)
    {
        if (definition.Name != LineItem)
        {
            return;
        }

        var opportunityIds = new[] { before?.Get("OpportunityId") as string, after?.Get("OpportunityId") as string }.OfType<string>().Distinct(StringComparer.Ordinal);
        foreach (var opportunityId in opportunityIds)
        {
            if (_store.Get(Opportunity, opportunityId) is not { } opportunity)
            {
                continue;
            }

            var values = opportunity.CopyValues();
            var lines = LinesOf(opportunityId);
            values["HasOpportunityLineItem"] = lines.Count > 0;
            if (lines.Count > 0)
            {
                values["Amount"] = lines.Sum(l => l.Get("TotalPrice") as decimal? ?? 0m);
            }

            // The first line item's price book becomes the opportunity's (checked against it for every later one).
            if (values.GetValueOrDefault("Pricebook2Id") is null && after?.Get("PricebookEntryId") is string entryId && _store.Get(Entry, entryId) is { } entry)
            {
                values["Pricebook2Id"] = entry.Get("Pricebook2Id");
            }

            values["LastModifiedDate"] = now;
            values["SystemModstamp"] = now;
            _store.Put(new SObjectRecord(opportunity.Definition, opportunity.Id, values));
        }
    }

    private void ApplyEntry(ObjectDefinition definition, SObjectRecord? existing, Dictionary<string, object?> values, List<ApiError> errors)
    {
        var pricebookId = values.GetValueOrDefault("Pricebook2Id") as string;
        var product = values.GetValueOrDefault("Product2Id") is string productId ? _store.Get(Product, productId) : null;
        if (pricebookId is null || product is null)
        {
            return;
        }

        values["Name"] = product.Get("Name");
        values["ProductCode"] = product.Get("ProductCode");
        if (existing is not null)
        {
            return;
        }

        var entries = _store.FindBy(definition, definition.FindField("Product2Id")!, product.Id);
        if (entries.Any(e => string.Equals(e.Get("Pricebook2Id") as string, pricebookId, StringComparison.Ordinal)))
        {
            errors.Add(new ApiError("DUPLICATE_VALUE", "This price definition already exists in this price book", []));
        }
        else if (!IsStandard(pricebookId) && !entries.Any(e => IsStandard(e.Get("Pricebook2Id") as string)))
        {
            errors.Add(new ApiError("STANDARD_PRICE_NOT_DEFINED", "No standard price defined for this product", []));
        }
    }

    private void ApplyLineItem(SObjectRecord? existing, Dictionary<string, object?> values, IReadOnlyDictionary<string, object?> changes, List<ApiError> errors)
    {
        if (values.GetValueOrDefault("OpportunityId") is not string opportunityId || _store.Get(Opportunity, opportunityId) is not { } opportunity)
        {
            return;
        }

        SObjectRecord? entry;
        if (existing is null)
        {
            entry = ResolveEntry(opportunity, values, errors);
            if (entry is null)
            {
                return;
            }

            var product = _store.Get(Product, (string)entry.Get("Product2Id")!);
            values["PricebookEntryId"] = entry.Id;
            values["Product2Id"] = entry.Get("Product2Id");
            values["ListPrice"] = entry.Get("UnitPrice");
            values["ProductCode"] = product?.Get("ProductCode");
            values["Name"] = $"{opportunity.Get("Name")} {product?.Get("Name")}".Trim();
        }

        var unitGiven = changes.GetValueOrDefault("UnitPrice") is not null;
        var totalGiven = changes.GetValueOrDefault("TotalPrice") is not null;
        if (unitGiven && totalGiven)
        {
            errors.Add(existing is null
                ? new ApiError("FIELD_INTEGRITY_EXCEPTION", "field integrity exception: TotalPrice (cannot specify both unit price and total price)", ["TotalPrice"])
                : new ApiError("INVALID_FIELD", "Cannot change both 'UnitPrice' and 'TotalPrice' in update call", ["UnitPrice"]));
            return;
        }

        if (existing is null && !unitGiven && !totalGiven)
        {
            errors.Add(new ApiError("FIELD_INTEGRITY_EXCEPTION", "field integrity exception: unknown (must specify either unit price or total price)", ["unknown"]));
            return;
        }

        var quantity = values.GetValueOrDefault("Quantity") as decimal? ?? 0m;
        if (quantity == 0m)
        {
            errors.Add(new ApiError("FIELD_INTEGRITY_EXCEPTION", "field integrity exception: Quantity (quantity must be non-zero)", ["Quantity"]));
            return;
        }

        // TotalPrice = Quantity × UnitPrice less the Discount percentage; whichever price was written, the other follows.
        var factor = quantity * (1m - ((values.GetValueOrDefault("Discount") as decimal? ?? 0m) / 100m));
        if (totalGiven)
        {
            values["UnitPrice"] = factor == 0m ? 0m : Round((decimal)values["TotalPrice"]! / factor);
        }
        else
        {
            values["TotalPrice"] = Round(factor * (values.GetValueOrDefault("UnitPrice") as decimal? ?? 0m));
        }
    }

    /// <summary>The price book entry a new line item uses, or null with the org's error.</summary>
    private SObjectRecord? ResolveEntry(SObjectRecord opportunity, Dictionary<string, object?> values, List<ApiError> errors)
    {
        var opportunityBook = opportunity.Get("Pricebook2Id") as string;
        var productId = values.GetValueOrDefault("Product2Id") as string;
        SObjectRecord? entry;
        if (values.GetValueOrDefault("PricebookEntryId") is string entryId)
        {
            entry = _store.Get(Entry, entryId);
            if (entry is not null && productId is not null && !string.Equals(productId, entry.Get("Product2Id") as string, StringComparison.Ordinal))
            {
                errors.Add(new ApiError("FIELD_INTEGRITY_EXCEPTION", "field integrity exception: Product2Id (product does not match the pricebook entry)", ["Product2Id"]));
                return null;
            }
        }
        else
        {
            // A product alone is priced from the opportunity's price book; without one there is no entry to find.
            var definition = _store.Schema.Find(Entry)!;
            entry = productId is null || opportunityBook is null
                ? null
                : _store.FindBy(definition, definition.FindField("Product2Id")!, productId)
                    .FirstOrDefault(e => string.Equals(e.Get("Pricebook2Id") as string, opportunityBook, StringComparison.Ordinal));
        }

        if (entry is null)
        {
            errors.Add(new ApiError(
                "FIELD_INTEGRITY_EXCEPTION",
                "field integrity exception: PricebookEntryId, unknown (versions 3.0 and higher must specify pricebook entry id; others must specify product id)",
                ["PricebookEntryId", "unknown"]));
            return null;
        }

        var entryBook = entry.Get("Pricebook2Id") as string;
        if (entry.Get("IsActive") is not true)
        {
            errors.Add(new ApiError("FIELD_INTEGRITY_EXCEPTION", "field integrity exception: PricebookEntryId (pricebook entry is inactive)", ["PricebookEntryId"]));
            return null;
        }

        if (opportunityBook is not null && !string.Equals(opportunityBook, entryBook, StringComparison.Ordinal))
        {
            errors.Add(new ApiError(
                "FIELD_INTEGRITY_EXCEPTION",
                "field integrity exception: PricebookEntryId (pricebook entry is in a different pricebook than the one assigned to the opportunity)",
                ["PricebookEntryId"]));
            return null;
        }

        if (opportunityBook is null && (entryBook is null || _store.Get(Pricebook, entryBook)?.Get("IsActive") is not true))
        {
            errors.Add(new ApiError("FIELD_INTEGRITY_EXCEPTION", "field integrity exception: PricebookEntryId (pricebook entry's price book is inactive)", ["PricebookEntryId"]));
            return null;
        }

        return entry;
    }

    private void ApplyOpportunity(SObjectRecord? existing, Dictionary<string, object?> values)
    {
        var stage = values.GetValueOrDefault("StageName") as string;
        values["IsClosed"] = stage is ProductObjects.ClosedWon or ProductObjects.ClosedLost;
        values["IsWon"] = stage is ProductObjects.ClosedWon;
        if (existing is not null && LinesOf(existing.Id) is { Count: > 0 } lines)
        {
            // With line items the amount is theirs: a written Amount is ignored, not refused.
            values["Amount"] = lines.Sum(l => l.Get("TotalPrice") as decimal? ?? 0m);
        }
    }

    private IReadOnlyList<SObjectRecord> LinesOf(string opportunityId)
    {
        var definition = _store.Schema.Find(LineItem)!;
        return _store.FindBy(definition, definition.FindField("OpportunityId")!, opportunityId);
    }

    private bool IsStandard(string? pricebookId) => pricebookId is not null && _store.Get(Pricebook, pricebookId)?.Get("IsStandard") is true;

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
