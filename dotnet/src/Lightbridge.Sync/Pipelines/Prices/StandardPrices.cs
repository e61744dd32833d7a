using System.Globalization;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Salesforce;
using Lightbridge.Sync.Mapping;

namespace Lightbridge.Sync.Pipelines.Prices;

/// <summary>
/// Under the Opportunity profile, keeps the standard price book entry of every product the item pipeline writes, and of
/// the miscellaneous product misc lines sell (<see cref="MiscellaneousItem"/>). An opportunity product names its entry,
/// and an entry must exist in the standard price book before any other (docs/emulators.md, "Opportunities and price
/// books").
/// </summary>
/// <remarks>
/// Entries are upserted by <c>PricebookEntry.Lightspeed_Item_Id__c</c> (custom fields and external ids are allowed on
/// price book entries, and upsert is a supported call), so line items reference them by the item's external id and loads
/// need no lookups; only the standard price book's id is read, once per engine. Entries stay active when their item is
/// archived: old sales replayed later still need their lines.
/// </remarks>
internal sealed class StandardPrices
{
    /// <summary>The error code of an item whose price entry a configured mapping template failed on.</summary>
    public const string MappingFailed = nameof(MappingFailed);

    private const string StandardPricebookSoql = "SELECT Id, IsActive FROM Pricebook2 WHERE IsStandard = true LIMIT 1";
    private const string PricebookField = "Pricebook2Id";

    private readonly ObjectMapping<NormalizedItem> _mapping;
    private readonly PipelineServices _services;
    private SalesforceId? _standardPricebook;

    public StandardPrices(ObjectMapping<NormalizedItem> mapping, PipelineServices services)
    {
        _mapping = mapping;
        _services = services;
    }

    /// <summary>
    /// Upserts the standard price of each written item; by position, null where it went through, else the refusal (the
    /// item is queued with it).
    /// </summary>
    /// <exception cref="SalesforceApiException">The org has no active standard price book: no line item could be written.</exception>
    public async Task<IReadOnlyList<RecordResult?>> WriteAsync(IReadOnlyList<NormalizedItem> items, bool forceBulk, CancellationToken ct)
    {
        var outcomes = new RecordResult?[items.Count];
        if (items.Count == 0)
        {
            return outcomes;
        }

        var pricebook = await StandardPricebookAsync(ct).ConfigureAwait(false);
        await EnsureMiscellaneousAsync(items[0].ExternalId.AccountId, pricebook, ct).ConfigureAwait(false);

        var positions = new List<int>();
        var records = new List<SalesforceRecord>();
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                records.Add(_mapping.Map(items[i]).WithField(PricebookField, pricebook));
                positions.Add(i);
            }
            catch (MappingEvaluationException ex)
            {
                outcomes[i] = Refused(items[i].ExternalId, MappingFailed, ex.Message, ex.Field);
            }
        }

        var report = await _services.Loader.LoadAsync(records, ct, forceBulk).ConfigureAwait(false);
        var written = new List<KeyValuePair<string, string>>();
        for (var j = 0; j < records.Count; j++)
        {
            var result = report.Results[j];
            if (result.Success)
            {
                if (result.Id is { } id)
                {
                    written.Add(KeyValuePair.Create(records[j].ExternalId.Value, id));
                }

                continue;
            }

            outcomes[positions[j]] = result with
            {
                Errors = result.Errors.Select(e => e with { Message = $"{MiscellaneousItem.PriceObject} {records[j].ExternalId}: {e.Message}" }).ToList(),
            };
        }

        if (written.Count > 0)
        {
            _services.State.SyncedRecords.SetMany(MiscellaneousItem.PriceObject, written);
        }

        return outcomes;
    }

    /// <summary>The org's standard price book, read once; it must be active for line items to be priced from it.</summary>
    private async Task<SalesforceId> StandardPricebookAsync(CancellationToken ct)
    {
        if (_standardPricebook is { } known)
        {
            return known;
        }

        await foreach (var row in _services.Salesforce.QueryAsync(StandardPricebookSoql, ct).ConfigureAwait(false))
        {
            if (!row.GetProperty("IsActive").GetBoolean())
            {
                throw new SalesforceApiException(
                    "The org's Standard Price Book is inactive; the Opportunity mapping profile prices every product there. Activate it (docs/admin-guide.md, \"The Opportunity profile\").");
            }

            _standardPricebook = SalesforceId.Parse(row.GetProperty("Id").GetString()!);
            return _standardPricebook.Value;
        }

        throw new SalesforceApiException("The org has no standard price book, which the Opportunity mapping profile prices every product in.");
    }

    /// <summary>Writes the miscellaneous product and its price once per account (the synced-record map remembers them).</summary>
    private async Task EnsureMiscellaneousAsync(LightspeedId accountId, SalesforceId pricebook, CancellationToken ct)
    {
        var externalId = MiscellaneousItem.ExternalIdIn(accountId);
        var synced = _services.State.SyncedRecords;
        if (synced.Get(MiscellaneousItem.PriceObject, externalId.Value) is not null)
        {
            return;
        }

        var product = new SalesforceRecord(
            SalesforceSchema.Product.ObjectName,
            SalesforceSchema.Product.LightspeedItemId,
            externalId,
            [new FieldValue(SalesforceSchema.Name, MiscellaneousItem.ProductName), new FieldValue(SalesforceSchema.Product.IsActive, true)],
            []);
        var price = new SalesforceRecord(
            MiscellaneousItem.PriceObject,
            TargetFieldCatalog.PricebookEntryItemId,
            externalId,
            [new FieldValue(PricebookField, pricebook), new FieldValue("UnitPrice", 0m), new FieldValue("IsActive", true)],
            [new RelationshipReference("Product2Id", SalesforceSchema.Product.ObjectName, SalesforceSchema.Product.LightspeedItemId, externalId)]);
        foreach (var record in new[] { product, price })
        {
            var result = (await _services.Loader.LoadAsync([record], ct).ConfigureAwait(false)).Results[0];
            if (!result.Success)
            {
                // Misc lines fail on their own (and are queued with their sale) until a later batch writes it.
                PriceLog.MiscellaneousRefused(_services.Logger, record.ObjectName, result.Errors.Count > 0 ? result.Errors[0].StatusCode : "UNKNOWN");
                return;
            }

            synced.SetMany(record.ObjectName, [KeyValuePair.Create(externalId.Value, result.Id ?? string.Empty)]);
        }
    }

    private static RecordResult Refused(ExternalId externalId, string code, string message, string? field) =>
        new(0, externalId.Value, null, false, null, [new RecordError(code, string.Create(CultureInfo.InvariantCulture, $"{MiscellaneousItem.PriceObject} {externalId}: {message}"), field is null ? [] : [field])]);
}
