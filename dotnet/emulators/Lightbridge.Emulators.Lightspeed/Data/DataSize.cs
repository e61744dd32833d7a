namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>What to generate: the seed and the sizes (<c>--seed --shops --customers --items --sales</c>).</summary>
internal sealed record DataSize(int Seed, int Shops, int Customers, int Items, int Sales)
{
    public DataSize Normalized() => this with
    {
        Shops = Math.Clamp(Shops, 1, SampleData.ShopProfiles.Length),
        Customers = Math.Max(0, Customers),
        Items = Math.Max(1, Items),
        Sales = Math.Max(0, Sales),
    };
}
