using System.Globalization;
using Lightbridge.Core.Model;
using Lightbridge.Emulators.XSeries;
using Lightbridge.Lightspeed;
using Lightbridge.Sync.Sources;
using Lightbridge.XSeries;

namespace Lightbridge.Sync.Tests.Series;

/// <summary>The X-Series emulator and <see cref="XSeriesClient"/>; ids are UUIDs, the account is a domain prefix.</summary>
internal sealed class XSeriesUnderTest : SourceUnderTest
{
    private readonly XSeriesEmulator _emulator;
    private readonly XSeriesClient _client;

    private XSeriesUnderTest(XSeriesEmulator emulator, XSeriesClient client)
    {
        _emulator = emulator;
        _client = client;
        Reader = new XSeriesReader(client);
    }

    public override SourceSeries Series => SourceSeries.X;

    public override string AccountId => _emulator.DomainPrefix;

    public override ISourceReader Reader { get; }

    /// <summary>The emulator, for what only X-Series has (webhooks).</summary>
    public XSeriesEmulator Emulator => _emulator;

    public static async Task<XSeriesUnderTest> StartAsync(HttpClient http, int seed, int shops, int customers, int items, int sales)
    {
        var emulator = await XSeriesEmulator.StartAsync(new XSeriesEmulatorOptions
        {
            Seed = seed, Outlets = shops, RegistersPerOutlet = 1, Customers = customers, Products = items, Sales = sales, RateLimit = false,
        });
        var client = new XSeriesClient(http, new XSeriesClientOptions
        {
            DomainPrefix = emulator.DomainPrefix, BaseUrl = emulator.BaseUrl, TokenUrl = emulator.TokenUrl,
            ClientId = emulator.ClientId, ClientSecret = emulator.ClientSecret,
        }, new InMemoryLightspeedTokenStore(emulator.InitialRefreshToken), TimeProvider.System);
        return new XSeriesUnderTest(emulator, client);
    }

    public override Task<LightspeedId> AddSaleAsync(LightspeedId? customer) =>
        Task.FromResult(new LightspeedId(_emulator.Control.CreateSale(customer?.Value).Id));

    public override Task EditCustomerAsync(LightspeedId customer)
    {
        _emulator.Control.UpdateCustomer(customer.Value);
        return Task.CompletedTask;
    }

    public override Task VoidSaleAsync(LightspeedId sale)
    {
        _emulator.Control.VoidSale(sale.Value);
        return Task.CompletedTask;
    }

    public override Task ChangeStockAsync(ItemShop row, int delta)
    {
        _emulator.Control.SetInventoryLevel(row.ItemId.Value, row.ShopId!.Value.Value, (int)row.QuantityOnHand + delta);
        return Task.CompletedTask;
    }

    public override void SetFaults(double serverErrorRate, double droppedConnectionRate) =>
        _emulator.Control.SetFaults(new XSeriesFaults(serverErrorRate, 0, TimeSpan.Zero, droppedConnectionRate));

    public override void ClearFaults() => _emulator.Control.ClearFaults();

    public override async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }
}
