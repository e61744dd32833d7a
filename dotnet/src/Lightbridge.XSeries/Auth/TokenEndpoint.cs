using Lightbridge.XSeries.Http;
using Polly;

namespace Lightbridge.XSeries.Auth;

/// <summary>
/// The X-Series token endpoint (<c>/api/1.0/token</c>): a form-encoded <c>refresh_token</c> grant carrying the client
/// credentials (shared/reference/lightspeed-api.md §7). Transient faults go through the client's Polly pipeline.
/// </summary>
internal sealed class TokenEndpoint
{
    private readonly HttpClient _http;
    private readonly XSeriesClientOptions _options;
    private readonly ResiliencePipeline _resilience;
    private readonly TimeProvider _time;

    public TokenEndpoint(HttpClient http, XSeriesClientOptions options, ResiliencePipeline resilience, TimeProvider time)
    {
        _http = http;
        _options = options;
        _resilience = resilience;
        _time = time;
    }

    /// <summary>Method and path of the token endpoint, for messages: never a token.</summary>
    public string EndpointName => XSeriesErrorMap.Describe(HttpMethod.Post, _options.EffectiveTokenUrl);

    public async Task<TokenGrant> RefreshAsync(string refreshToken, CancellationToken ct) =>
        await _resilience.ExecuteAsync(
            static async (state, token) => await state.self.SendAsync(state.refreshToken, token).ConfigureAwait(false),
            (self: this, refreshToken),
            ct).ConfigureAwait(false);

    private async ValueTask<TokenGrant> SendAsync(string refreshToken, CancellationToken ct)
    {
        using var content = new FormUrlEncodedContent(
        [
            new("grant_type", "refresh_token"),
            new("refresh_token", refreshToken),
            new("client_id", _options.ClientId),
            new("client_secret", _options.ClientSecret),
        ]);
        using var response = await _http.PostAsync(_options.EffectiveTokenUrl, content, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw XSeriesErrorMap.FromTokenResponse(response.StatusCode, EndpointName, body);
        }

        return TokenResponseReader.Read(body, EndpointName, _time.GetUtcNow());
    }
}
