using System.Net.Http.Headers;
using Polly;

namespace Lightbridge.Salesforce.Auth;

/// <summary>
/// The real token endpoint, <c>POST {LoginUrl}/services/oauth2/token</c>, form-encoded (the only encoding it
/// takes, shared/reference/salesforce-api.md §2.1). Transient faults (5xx, dropped connections) are retried by
/// the client's pipeline: asking for a session again is harmless. A refused grant is not retried.
/// </summary>
internal sealed class HttpTokenEndpoint : ISalesforceTokenEndpoint
{
    private static readonly MediaTypeWithQualityHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;
    private readonly SalesforceClientOptions _options;
    private readonly TokenRequestFactory _requests;
    private readonly ResiliencePipeline _resilience;

    public HttpTokenEndpoint(HttpClient http, SalesforceClientOptions options, TokenRequestFactory requests, ResiliencePipeline resilience)
    {
        _http = http;
        _options = options;
        _requests = requests;
        _resilience = resilience;
    }

    public async Task<SalesforceAccessToken> RequestTokenAsync(CancellationToken ct) =>
        await _resilience.ExecuteAsync(
            static async (self, token) => await self.SendAsync(token).ConfigureAwait(false),
            this,
            ct).ConfigureAwait(false);

    private async ValueTask<SalesforceAccessToken> SendAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.LoginBase + "/services/oauth2/token"));
        request.Headers.Accept.Add(JsonMediaType);
        request.Content = new FormUrlEncodedContent(_requests.BuildForm());
        using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        var token = TokenResponseParser.Parse(response.StatusCode, body, _options.Auth, _options.LoginBase);
        _requests.Issued(token);
        return token;
    }
}
