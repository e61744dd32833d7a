using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lightbridge.Lightspeed.Auth;
using Lightbridge.Lightspeed.Paging;
using Lightbridge.Lightspeed.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;

namespace Lightbridge.Lightspeed.Http;

/// <summary>
/// Sends one API GET the way Lightspeed needs it: through the throttle, with a bearer token, refreshing
/// once on 401, honouring <c>Retry-After</c> on 429, and retrying transient faults through Polly.
/// </summary>
internal sealed class LightspeedHttpPipeline
{
    private static readonly MediaTypeWithQualityHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;
    private readonly LightspeedClientOptions _options;
    private readonly TokenManager _tokens;
    private readonly RequestThrottle _throttle;
    private readonly ResiliencePipeline _resilience;
    private readonly TimeProvider _time;
    private readonly LightspeedClientStatistics _statistics;
    private readonly ILogger _logger;

    public LightspeedHttpPipeline(
        HttpClient http,
        LightspeedClientOptions options,
        TokenManager tokens,
        RequestThrottle throttle,
        ResiliencePipeline resilience,
        TimeProvider time,
        LightspeedClientStatistics statistics,
        ILogger logger)
    {
        _http = http;
        _options = options;
        _tokens = tokens;
        _throttle = throttle;
        _resilience = resilience;
        _time = time;
        _statistics = statistics;
        _logger = logger;
    }

    /// <summary>
    /// GETs <paramref name="uri"/> and reads the body with <paramref name="read"/> (<see cref="WirePage.Read"/> or
    /// <see cref="WirePage.ReadAs{TDto}"/>: a list or a single-record response). A body that is not valid JSON is
    /// retried like a dropped connection.
    /// </summary>
    public async Task<WirePage> GetPageAsync(Uri uri, Func<ReadOnlyMemory<byte>, WirePage> read, CancellationToken ct) =>
        await _resilience.ExecuteAsync(
            static async (state, token) => await state.self.SendAsync(state.uri, state.read, token).ConfigureAwait(false),
            (self: this, uri, read),
            ct).ConfigureAwait(false);

    /// <summary>
    /// The request kind the throttle learns costs for: the path without its id-like tail, plus the relations
    /// and <c>count</c>, which carry surcharges (§5). Cursor parameters do not change the cost.
    /// </summary>
    internal static string CostKey(Uri uri)
    {
        var query = uri.Query;
        var relations = string.Empty;
        var count = string.Empty;
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("load_relations=", StringComparison.Ordinal))
            {
                relations = part;
            }
            else if (part.StartsWith("count=", StringComparison.Ordinal))
            {
                count = part;
            }
        }

        return $"{uri.AbsolutePath}?{relations}&{count}";
    }

    private async ValueTask<WirePage> SendAsync(Uri uri, Func<ReadOnlyMemory<byte>, WirePage> read, CancellationToken ct)
    {
        var endpoint = LightspeedErrorMap.Describe(HttpMethod.Get, uri);
        var costKey = CostKey(uri);
        var refreshed = false;
        var rateLimited = 0;
        while (true)
        {
            var ticket = await _throttle.EnterAsync(costKey, ct).ConfigureAwait(false);
            HttpResponseMessage response;
            byte[] utf8;
            string token;
            try
            {
                token = await _tokens.GetAccessTokenAsync(ct).ConfigureAwait(false);
                (response, utf8) = await SendOnceAsync(uri, token, endpoint, ct).ConfigureAwait(false);
            }
            catch
            {
                _throttle.Abandon(ticket);
                throw;
            }

            using (response)
            {
                var bucket = BucketStatus.FromHeaders(response.Headers);
                _throttle.Complete(ticket, bucket);
                if (bucket is { } reported)
                {
                    _statistics.BucketReported(reported.Level, reported.Size);
                }
                if (response.IsSuccessStatusCode)
                {
                    return ReadPage(utf8, read, endpoint, response.StatusCode);
                }

                var body = Encoding.UTF8.GetString(utf8);

                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    _statistics.Unauthorized();
                    if (refreshed)
                    {
                        throw LightspeedErrorMap.FromResponse(response.StatusCode, endpoint, body);
                    }

                    // Refresh once on 401 (§1): the token may have expired early or been revoked. If another
                    // caller already replaced this token, the manager hands out the new one without refreshing.
                    Log.Unauthorized(_logger, endpoint);
                    refreshed = true;
                    await _tokens.RefreshAsync(token, ct).ConfigureAwait(false);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var rejection = RateLimitRejection.Parse(
                        Header(response, "Retry-After"), Header(response, RateLimitRejection.LimitTypeHeader), body, _time.GetUtcNow());
                    _statistics.RateLimited(rejection.IsBurst);
                    if (++rateLimited > _options.MaxRateLimitedRetries)
                    {
                        var error = ApiErrorBody.Parse(body);
                        throw new LightspeedRateLimitedException(
                            endpoint, error.Message, rejection.Wait, rejection.LimitType, BucketStatus.FromHeaders(response.Headers)?.Level);
                    }

                    Log.RateLimited(_logger, endpoint, rejection.LimitType ?? "unnamed", rejection.Wait.TotalMilliseconds);
                    _throttle.RateLimited(rejection.Wait);
                    continue;
                }

                throw LightspeedErrorMap.FromResponse(response.StatusCode, endpoint, body);
            }
        }
    }

    private async Task<(HttpResponseMessage Response, byte[] Utf8)> SendOnceAsync(Uri uri, string token, string endpoint, CancellationToken ct)
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
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            return (response, WireBody.ToUtf8(body, response.Content.Headers.ContentType?.CharSet));
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            response?.Dispose();
            throw new TimeoutException($"Lightspeed {endpoint} did not answer within {_options.RequestTimeout.TotalSeconds:0.#} s.", ex);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    private static WirePage ReadPage(byte[] utf8, Func<ReadOnlyMemory<byte>, WirePage> read, string endpoint, HttpStatusCode status)
    {
        try
        {
            return read(utf8);
        }
        catch (JsonException ex)
        {
            // A cut-off or non-JSON success body (a proxy page, a connection cut at a boundary) is worth a retry.
            throw new LightspeedApiException(status, endpoint, "The response body is not valid JSON.", ex) { IsTransient = true };
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
