using System.Text.Json;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Core.Sharing;
using Lightbridge.Salesforce;
using S = Lightbridge.Core.Mapping.SalesforceSchema;

namespace Lightbridge.Cli.Commands.Sharing;

/// <summary>Reads the synced stores from Salesforce, with one SOQL query through the Salesforce client.</summary>
internal static class SalesforceStoreReader
{
    private const string Soql =
        $"SELECT {S.Name}, {S.Store.LightspeedShopId}, {S.Store.LightspeedAccountId}, {S.Store.StoreCode} FROM {S.Store.ObjectName} ORDER BY {S.Store.LightspeedShopId}";

    /// <summary>
    /// The stores Lightbridge synced. The code is derived from <c>Lightspeed_Shop_Id__c</c> exactly as the sync stamps it
    /// on sales and stock, so the rules match those rows even while a store still holds a code from an older release
    /// (its next sync rewrites it); such a store and any store without a Lightspeed shop id are reported in
    /// <paramref name="notes"/>.
    /// </summary>
    public static async Task<IReadOnlyList<SharedStore>> ReadAsync(SalesforceClient salesforce, List<string> notes, CancellationToken ct)
    {
        var stores = new List<SharedStore>();
        await foreach (var record in salesforce.QueryAsync(Soql, ct).ConfigureAwait(false))
        {
            var name = Text(record, S.Name) ?? string.Empty;
            var shopId = Text(record, S.Store.LightspeedShopId);
            if (!TryParseShopId(shopId, Text(record, S.Store.LightspeedAccountId), out var id))
            {
                notes.Add($"Store '{name}' has no Lightspeed shop id ({S.Store.LightspeedShopId} '{shopId}'): it was not synced by Lightbridge, skipped.");
                continue;
            }

            var code = ShopNormalizer.StoreCode(id);
            if (Text(record, S.Store.StoreCode) is { } stored && !string.Equals(stored, code, StringComparison.OrdinalIgnoreCase))
            {
                var why = ShopNormalizer.IsStoreCode(stored) ? "a code edited by hand" : "a code from an older release";
                notes.Add($"Store '{name}' ({id}) holds {S.Store.StoreCode} '{stored}', {why}; its sales and stock are stamped '{code}', which the rules use. The store's next sync rewrites its code.");
            }

            stores.Add(new SharedStore(code, name));
        }

        return stores;
    }

    /// <summary>
    /// The shop's external id, split at the store's own account id when it is known: an X-Series account id (a domain
    /// prefix) may hold hyphens itself.
    /// </summary>
    private static bool TryParseShopId(string? shopId, string? accountId, out ExternalId id)
    {
        if (shopId is not null && accountId is { Length: > 0 } && shopId.StartsWith(accountId + "-", StringComparison.Ordinal)
            && LightspeedId.FromWire(accountId) is { } account && LightspeedId.FromWire(shopId[(accountId.Length + 1)..]) is { } shop)
        {
            id = new ExternalId(account, shop);
            return true;
        }

        return ExternalId.TryParse(shopId, out id);
    }

    private static string? Text(JsonElement record, string field) =>
        record.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
