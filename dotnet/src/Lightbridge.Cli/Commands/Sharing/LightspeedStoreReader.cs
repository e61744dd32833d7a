using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Core.Sharing;
using Lightbridge.Lightspeed;

namespace Lightbridge.Cli.Commands.Sharing;

/// <summary>Reads the shops of the Lightspeed account through the Lightspeed client and derives their codes as the sync does.</summary>
internal static class LightspeedStoreReader
{
    /// <summary>Every shop, archived ones too: the sync keeps their stores because their old sales still point at them.</summary>
    public static async Task<IReadOnlyList<SharedStore>> ReadAsync(LightspeedClient lightspeed, LightspeedId accountId, CancellationToken ct)
    {
        var stores = new List<SharedStore>();
        var query = new LightspeedQuery().Archived(ArchivedFilter.Include);
        await foreach (var shop in lightspeed.GetShopsAsync(query, ct).ConfigureAwait(false))
        {
            stores.Add(new SharedStore(ShopNormalizer.StoreCode(new ExternalId(accountId, shop.Id)), shop.Name.Trim()));
        }

        return stores;
    }
}
