using Lightbridge.Emulators.Lightspeed;
using Microsoft.Extensions.Time.Testing;

namespace Lightbridge.Lightspeed.Tests.EndToEnd;

/// <summary>
/// One Lightspeed emulator on a port the system chooses, and a client wired to it exactly as the
/// product wires it: real HTTP over loopback, the in-memory token store seeded with the initial
/// refresh token. Each test that changes data or the clock gets its own.
/// </summary>
internal sealed class EmulatedAccount : IAsyncDisposable
{
    private readonly HttpClient _http;

    private EmulatedAccount(LightspeedEmulator emulator, LightspeedEmulatorOptions options, HttpClient http, LightspeedClient client, InMemoryLightspeedTokenStore tokens)
    {
        Emulator = emulator;
        Options = options;
        _http = http;
        Client = client;
        Tokens = tokens;
    }

    public LightspeedEmulator Emulator { get; }

    public LightspeedEmulatorOptions Options { get; }

    public LightspeedClient Client { get; }

    public InMemoryLightspeedTokenStore Tokens { get; }

    public static async Task<EmulatedAccount> StartAsync(
        Action<LightspeedEmulatorOptions>? configure = null,
        TimeProvider? clientTime = null)
    {
        var options = new LightspeedEmulatorOptions
        {
            Port = 0,
            Seed = 11,
            Shops = 3,
            Customers = 120,
            Items = 40,
            Sales = 150,
            Bucket = BucketMode.Off,
            ClientId = "e2e-client",
            ClientSecret = "e2e-secret",
            RefreshToken = "e2e-refresh-0",
        };
        configure?.Invoke(options);
        var emulator = await LightspeedEmulator.StartAsync(options);
        var tokens = new InMemoryLightspeedTokenStore(emulator.InitialRefreshToken);
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var client = new LightspeedClient(http, ClientOptions(emulator), tokens, clientTime ?? TimeProvider.System);
        return new EmulatedAccount(emulator, options, http, client, tokens);
    }

    public static LightspeedClientOptions ClientOptions(LightspeedEmulator emulator) => new()
    {
        BaseUrl = emulator.BaseUrl,
        TokenUrl = emulator.TokenUrl,
        AccountId = emulator.AccountId,
        ClientId = emulator.ClientId,
        ClientSecret = emulator.ClientSecret,
    };

    /// <summary>A second, independent client of the same account (another worker process, say).</summary>
    public LightspeedClient NewClient(ILightspeedTokenStore tokens, TimeProvider? time = null) =>
        new(_http, ClientOptions(Emulator), tokens, time ?? TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _http.Dispose();
        await Emulator.DisposeAsync();
    }
}
