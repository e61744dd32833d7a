using System.Globalization;
using Lightbridge.Core.Model;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Lightspeed;
using Lightbridge.Sync.Sources;

namespace Lightbridge.Sync.Tests.Series;

/// <summary>The R-Series emulator and <see cref="LightspeedClient"/>; ids are the API's digit strings.</summary>
internal sealed class RSeriesUnderTest : SourceUnderTest
{
    private readonly LightspeedEmulator _emulator;
    private readonly LightspeedClient _client;

    private RSeriesUnderTest(LightspeedEmulator emulator, LightspeedClient client)
    {
        _emulator = emulator;
        _client = client;
        Reader = new RSeriesReader(client);
    }

    public override SourceSeries Series => SourceSeries.R;

    public override string AccountId => _emulator.AccountId;

    public override ISourceReader Reader { get; }

    public static async Task<RSeriesUnderTest> StartAsync(HttpClient http, int seed, int shops, int customers, int items, int sales)
    {
        var emulator = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions
        {
            Seed = seed, Shops = shops, Customers = customers, Items = items, Sales = sales, Bucket = BucketMode.Off,
        });
        var client = new LightspeedClient(http, new LightspeedClientOptions
        {
            BaseUrl = emulator.BaseUrl, TokenUrl = emulator.TokenUrl, AccountId = emulator.AccountId,
            ClientId = emulator.ClientId, ClientSecret = emulator.ClientSecret,
            TransientRetryBaseDelay = TimeSpan.FromMilliseconds(10),
            TransientRetryMaxDelay = TimeSpan.FromMilliseconds(50),
        }, new InMemoryLightspeedTokenStore(emulator.InitialRefreshToken), TimeProvider.System);
        return new RSeriesUnderTest(emulator, client);
    }

    public override Task<LightspeedId> AddSaleAsync(LightspeedId? customer) =>
        Task.FromResult(Id(_emulator.Control.AddSale(customer is { } c ? Number(c) : 0)));

    public override Task EditCustomerAsync(LightspeedId customer)
    {
        _emulator.Control.EditCustomer(Number(customer));
        return Task.CompletedTask;
    }

    public override Task VoidSaleAsync(LightspeedId sale)
    {
        _emulator.Control.VoidSale(Number(sale));
        return Task.CompletedTask;
    }

    public override Task ChangeStockAsync(ItemShop row, int delta)
    {
        _emulator.Control.ChangeStock(Number(row.ItemId), Number(row.ShopId!.Value), delta);
        return Task.CompletedTask;
    }

    public override void SetFaults(double serverErrorRate, double droppedConnectionRate) =>
        _emulator.Control.SetFaults(serverErrorRate, TimeSpan.Zero, droppedConnectionRate);

    public override void ClearFaults() => _emulator.Control.ClearFaults();

    public override async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    private static int Number(LightspeedId id) => int.Parse(id.Value, CultureInfo.InvariantCulture);

    private static LightspeedId Id(int value) => new(value.ToString(CultureInfo.InvariantCulture));
}
