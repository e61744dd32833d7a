using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Lightbridge.Emulators.XSeries.Tests;

/// <summary>An X-Series emulator on port 0, a raw HttpClient with a bearer token, and the fake clock, for one test.</summary>
public sealed class XSeriesSession : IAsyncDisposable
{
    public static readonly DateTimeOffset FakeStart = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private XSeriesSession(XSeriesEmulator emulator, HttpClient http, FakeTimeProvider? clock)
    {
        Emulator = emulator;
        Http = http;
        Clock = clock;
    }

    public XSeriesEmulator Emulator { get; }

    public HttpClient Http { get; }

    public FakeTimeProvider? Clock { get; }

    public XSeriesEmulatorControl Control => Emulator.Control;

    public static async Task<XSeriesSession> StartAsync(Action<XSeriesEmulatorOptions>? configure = null, bool fakeClock = true, bool authorize = true)
    {
        var clock = fakeClock ? new FakeTimeProvider(FakeStart) : null;
        var options = new XSeriesEmulatorOptions { Port = 0, Customers = 40, Products = 20, Sales = 120 };
        if (clock is not null)
        {
            options.TimeProvider = clock;
        }

        configure?.Invoke(options);
        var emulator = await XSeriesEmulator.StartAsync(options);
        var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        var session = new XSeriesSession(emulator, http, clock);
        if (authorize)
        {
            var token = await session.RefreshAsync(emulator.InitialRefreshToken);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        }

        return session;
    }

    public async Task<JsonElement> RefreshAsync(string refreshToken)
    {
        var (status, body) = await PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = Emulator.ClientId,
            ["client_secret"] = Emulator.ClientSecret,
            ["refresh_token"] = refreshToken,
        });
        Assert.That(status, Is.EqualTo(200), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<(int Status, string Body)> PostTokenAsync(Dictionary<string, string> form)
    {
        using var plain = new HttpClient { BaseAddress = Emulator.BaseUrl };
        using var content = new FormUrlEncodedContent(form);
        using var response = await plain.PostAsync("/api/1.0/token", content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<Reply> GetAsync(string pathAndQuery)
    {
        using var response = await Http.GetAsync(pathAndQuery);
        return await Reply.ReadAsync(response);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}

/// <summary>A raw response: status, body and headers.</summary>
public sealed record Reply(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    private JsonElement? _json;

    public JsonElement Json => _json ??= JsonDocument.Parse(Body).RootElement.Clone();

    public IReadOnlyList<JsonElement> Data => Json.GetProperty("data").EnumerateArray().ToList();

    public string Header(string name) => Headers.TryGetValue(name, out var v) ? v : string.Empty;

    public static async Task<Reply> ReadAsync(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in response.Headers.Concat(response.Content.Headers))
        {
            headers[h.Key] = string.Join(",", h.Value);
        }

        return new Reply((int)response.StatusCode, await response.Content.ReadAsStringAsync(), headers);
    }
}
