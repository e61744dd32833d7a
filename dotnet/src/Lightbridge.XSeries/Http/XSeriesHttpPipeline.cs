using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Lightbridge.XSeries.Auth;
using Lightbridge.XSeries.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;

namespace Lightbridge.XSeries.Http;

/// <summary>
/// Sends one API GET the way X-Series needs it: paced by the rate-limit headers, with a bearer token, refreshing once
/// on 401, waiting out <c>Retry-After</c> on 429, and retrying transient faults through Polly.
/// </summary>
internal sealed class XSeriesHttpPipeline
{
    private static readonly MediaTypeWithQualityHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;
    private readonly XSeriesClientOptions _options;
    private readonly TokenManager _tokens;
    private readonly RequestPacer _pacer;
    private readonly ResiliencePipeline _resilience;
    private readonly TimeProvider _time;
    private readonly XSeriesClientStatistics _statistics;
    private readonly ILogger _logger;

    public XSeriesHttpPipeline(
        HttpClient http,
        XSeriesClientOptions options,
        TokenManager tokens,
        RequestPacer pacer,
        ResiliencePipeline resilience,
        TimeProvider time,
        XSeriesClientStatistics statistics,
        ILogger logger)
    {
        _http = http;
        _options = options;
        _tokens = tokens;
        _pacer = pacer;
        _resilience = resilience;
        _time = time;
        _statistics = statistics;
        _logger = logger;
    }

    /// <summary>GETs <paramref name="uri"/> and returns the parsed body; the caller disposes it.</summary>
    /// <exception cref="XSeriesApiException">The API refused the request (a 404 included) or kept failing.</exception>
    public async Task<JsonDocument> GetJsonAsync(Uri uri, CancellationToken ct) =>
        await _resilience.ExecuteAsync(
            static async (state, token) => await state.self.SendAsync(state.uri, token).ConfigureAwait(false),
            (self: this, uri),
            ct).ConfigureAwait(false);

    private async ValueTask<JsonDocument> SendAsync(Uri uri, CancellationToken ct)
    {
        var endpoint = XSeriesErrorMap.Describe(HttpMethod.Get, uri);
        var refreshed = false;
        var rateLimited = 0;
        while (true)
        {
            await _pacer.EnterAsync(ct).ConfigureAwait(false);
            var token = await _tokens.GetAccessTokenAsync(ct).ConfigureAwait(false);
            var (response, body) = await SendOnceAsync(uri, token, endpoint, ct).ConfigureAwait(false);
            using (response)
            {
                _pacer.Report(RateLimitStatus.FromHeaders(response.Headers, _time.GetUtcNow()));
                if (response.IsSuccessStatusCode)
                {
                    return ParseBody(body, endpoint, response.StatusCode);
                }

                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    _statistics.Unauthorized();
                    if (refreshed)
                    {
                        throw XSeriesErrorMap.FromResponse(response.StatusCode, endpoint, body);
                    }

                    // Once per request: the token may have been revoked or expired early. If another caller already
                    // replaced it, the manager hands out the newer one without a second refresh.
                    Log.Unauthorized(_logger, endpoint);
                    refreshed = true;
                    await _tokens.RefreshAsync(token, ct).ConfigureAwait(false);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    _statistics.RateLimited();
                    var wait = RetryAfter.Parse(Header(response, "Retry-After"), _time.GetUtcNow()) ?? RetryAfter.Fallback;
                    if (++rateLimited > _options.MaxRateLimitedRetries)
                    {
                        throw new XSeriesRateLimitedException(endpoint, ErrorBody.Parse(body).Message, wait);
                    }

                    Log.RateLimited(_logger, endpoint, wait.TotalMilliseconds);
                    _pacer.Hold(wait);
                    continue;
                }

                throw XSeriesErrorMap.FromResponse(response.StatusCode, endpoint, body);
            }
        }
    }

    private async Task<(HttpResponseMessage Response, string Body)> SendOnceAsync(Uri uri, string token, string endpoint, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(JsonMediaType);

        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        _statistics.RequestSent();
        HttpResponseMessage? response = null;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            return (response, body);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            response?.Dispose();
            throw new TimeoutException($"Lightspeed X-Series {endpoint} did not answer within {_options.RequestTimeout.TotalSeconds:0.#} s.", ex);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    private static JsonDocument ParseBody(string body, string endpoint, HttpStatusCode status)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            // A cut-off or non-JSON success body (a proxy page, a connection cut at a boundary) is worth a retry.
            throw new XSeriesApiException(status, endpoint, "The response body is not valid JSON.", ex) { IsTransient = true };
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
