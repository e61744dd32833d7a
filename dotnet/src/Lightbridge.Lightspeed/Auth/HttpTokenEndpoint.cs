using System.Text;
using System.Text.Json;
using Lightbridge.Lightspeed.Http;
using Polly;

namespace Lightbridge.Lightspeed.Auth;

/// <summary>
/// The real token endpoint: a <c>refresh_token</c> grant posted as JSON (accepted since 2024.07.31,
/// shared/reference/lightspeed-api.md §1). Transient faults are retried by the client's pipeline; since
/// 2026.01.15 a refresh may be retried because revocation waits for the new token's first use.
/// </summary>
internal sealed class HttpTokenEndpoint : ILightspeedTokenEndpoint
{
    private readonly HttpClient _http;
    private readonly LightspeedClientOptions _options;
    private readonly ResiliencePipeline _resilience;

    public HttpTokenEndpoint(HttpClient http, LightspeedClientOptions options, ResiliencePipeline resilience)
    {
        _http = http;
        _options = options;
        _resilience = resilience;
    }

    /// <summary>Method and URL of the token endpoint, for messages: never a token.</summary>
    public string EndpointName => $"POST {_options.TokenUrl.GetLeftPart(UriPartial.Path)}";

    public async Task<TokenGrant> RefreshAsync(string refreshToken, CancellationToken ct) =>
        await _resilience.ExecuteAsync(
            static async (state, token) => await state.self.SendAsync(state.refreshToken, token).ConfigureAwait(false),
            (self: this, refreshToken),
            ct).ConfigureAwait(false);

    private async ValueTask<TokenGrant> SendAsync(string refreshToken, CancellationToken ct)
    {
        var payload = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = _options.ClientId,
            ["client_secret"] = _options.ClientSecret,
        };

        // A buffered body with a Content-Length rather than a chunked stream: token endpoints and proxies
        // in front of them do not all accept chunked requests.
        using var content = new StringContent(JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(_options.TokenUrl, content, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw LightspeedErrorMap.FromTokenResponse(response.StatusCode, EndpointName, body);
        }

        return TokenResponseParser.Parse(body, EndpointName);
    }
}
