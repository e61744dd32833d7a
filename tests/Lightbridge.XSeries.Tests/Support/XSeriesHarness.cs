using Lightbridge.Lightspeed;

namespace Lightbridge.XSeries.Tests.Support;

/// <summary>
/// One scripted account: the Kestrel server (the token endpoint answered here with rotating pairs
/// <c>access-N</c>/<c>refresh-N</c>, everything else by the test), a self-advancing fake clock, a token store, a
/// capturing logger and the client under test.
/// </summary>
internal sealed class XSeriesHarness : IAsyncDisposable
{
    public const string TokenPath = "/api/1.0/token";
    public const string SeedRefreshToken = "seed-refresh";
    public const string ClientSecret = "client-secret-value";

    public static readonly DateTimeOffset Start = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);

    private int _tokensIssued;

    private XSeriesHarness()
    {
    }

    public ScriptedApi Server { get; private set; } = null!;

    public SteppingTime Time { get; } = new(Start);

    public InMemoryLightspeedTokenStore Store { get; } = new(SeedRefreshToken);

    public CapturingLogger<XSeriesClient> Logger { get; } = new();

    public XSeriesClient Client { get; private set; } = null!;

    /// <summary>Seconds each issued access token lives.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>Runs against the API script, with options changed by <paramref name="configure"/>.</summary>
    public static async Task<XSeriesHarness> StartAsync(
        Func<ScriptedRequest, ScriptedResponse> api, Func<XSeriesClientOptions, XSeriesClientOptions>? configure = null, Func<ScriptedRequest, ScriptedResponse>? tokens = null, ILightspeedTokenStore? store = null)
    {
        var harness = new XSeriesHarness();
        harness.Server = await ScriptedApi.StartAsync(request => request.Path == TokenPath
            ? (tokens ?? (_ => harness.IssueToken()))(request)
            : api(request));
        var options = new XSeriesClientOptions
        {
            DomainPrefix = "demo",
            BaseUrl = harness.Server.BaseUrl,
            ClientId = "client-id",
            ClientSecret = ClientSecret,
            RequestTimeout = TimeSpan.FromHours(1),
        };
        options = configure?.Invoke(options) ?? options;
        harness.Client = new XSeriesClient(SharedHttp, options, store ?? harness.Store, harness.Time, harness.Logger);
        return harness;
    }

    public ScriptedResponse IssueToken()
    {
        var n = Interlocked.Increment(ref _tokensIssued);
        return ScriptedResponse.Json(
            $$"""{"access_token":"access-{{n}}","token_type":"Bearer","expires_in":{{TokenLifetimeSeconds}},"refresh_token":"refresh-{{n}}","domain_prefix":"demo"}""");
    }

    /// <summary>A list page of the given records (JSON objects) and the envelope's <c>version</c>.</summary>
    public static ScriptedResponse Page(string records, long? min = null, long? max = null, params (string Name, string Value)[] headers)
    {
        var version = max is null ? "null" : $$"""{"min":{{min ?? max}},"max":{{max}}}""";
        return ScriptedResponse.Json($$"""{"data":[{{records}}],"version":{{version}}}""", headers);
    }

    /// <summary>The empty page that ends a walk.</summary>
    public static ScriptedResponse EndPage() => ScriptedResponse.Json("""{"data":[]}""");

    /// <summary>The default options for a server, with the page size or retry budgets changed (init-only properties need a copy).</summary>
    public static XSeriesClientOptions With(XSeriesClientOptions o, int? maxTransientRetries = null, int? maxRateLimitedRetries = null, int? pageSize = null) => new()
    {
        DomainPrefix = o.DomainPrefix,
        BaseUrl = o.BaseUrl,
        ClientId = o.ClientId,
        ClientSecret = o.ClientSecret,
        RequestTimeout = o.RequestTimeout,
        PageSize = pageSize ?? o.PageSize,
        MaxTransientRetries = maxTransientRetries ?? o.MaxTransientRetries,
        MaxRateLimitedRetries = maxRateLimitedRetries ?? o.MaxRateLimitedRetries,
    };

    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Time.Dispose();
    }

    private static readonly HttpClient SharedHttp = new();
}
