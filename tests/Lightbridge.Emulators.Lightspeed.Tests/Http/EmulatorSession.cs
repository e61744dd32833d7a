using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Lightbridge.Emulators.Lightspeed.Tests.Http;

/// <summary>An emulator on port 0 plus a raw HttpClient and a bearer token, for one test.</summary>
public sealed class EmulatorSession : IAsyncDisposable
{
    private EmulatorSession(LightspeedEmulator emulator, HttpClient http, FakeTimeProvider? clock)
    {
        Emulator = emulator;
        Http = http;
        Clock = clock;
    }

    public LightspeedEmulator Emulator { get; }

    public HttpClient Http { get; }

    public FakeTimeProvider? Clock { get; }

    public string AccountPath => $"/API/V3/Account/{Emulator.AccountId}";

    public static readonly DateTimeOffset FakeStart = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static async Task<EmulatorSession> StartAsync(Action<LightspeedEmulatorOptions>? configure = null, bool fakeClock = true, bool authorize = true)
    {
        var clock = fakeClock ? new FakeTimeProvider(FakeStart) : null;
        var options = new LightspeedEmulatorOptions { Port = 0, Bucket = BucketMode.Off };
        if (clock is not null)
        {
            options.TimeProvider = clock;
        }

        configure?.Invoke(options);
        var emulator = await LightspeedEmulator.StartAsync(options);
        var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        var session = new EmulatorSession(emulator, http, clock);
        if (authorize)
        {
            var token = await session.RefreshAsync(emulator.InitialRefreshToken);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        }

        return session;
    }

    public async Task<JsonElement> RefreshAsync(string refreshToken)
    {
        var response = await PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = Emulator.ClientId,
            ["client_secret"] = Emulator.ClientSecret,
            ["refresh_token"] = refreshToken,
        });
        Assert.That((int)response.Status, Is.EqualTo(200), response.Body);
        return JsonDocument.Parse(response.Body).RootElement.Clone();
    }

    public async Task<(System.Net.HttpStatusCode Status, string Body)> PostTokenAsync(Dictionary<string, string> parameters, bool asJson = true)
    {
        HttpContent content = asJson
            ? new StringContent(JsonSerializer.Serialize(parameters), Encoding.UTF8, "application/json")
            : new FormUrlEncodedContent(parameters);
        using var response = await Http.PostAsync(Emulator.TokenUrl, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs a path (relative or absolute) and returns status, raw body and the response.</summary>
    public async Task<ApiResponse> GetAsync(string pathAndQuery)
    {
        using var response = await Http.GetAsync(new Uri(pathAndQuery, UriKind.RelativeOrAbsolute));
        var body = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new ApiResponse((int)response.StatusCode, body, headers);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
