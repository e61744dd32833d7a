using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lightbridge.Salesforce.Auth;
using Lightbridge.Salesforce.Limits;
using Microsoft.Extensions.Logging;
using Polly;

namespace Lightbridge.Salesforce.Http;

/// <summary>
/// Sends one REST call the way Salesforce needs it: to the session's instance with its bearer token; renewing
/// the session once and retrying on 401 <c>INVALID_SESSION_ID</c> (shared/reference/salesforce-api.md §2.7);
/// reading <c>Sforce-Limit-Info</c> from every response and pausing when usage passes the threshold; and
/// retrying transient faults through Polly, for idempotent calls only.
/// </summary>
internal sealed class SalesforceHttpPipeline
{
    private readonly HttpClient _http;
    private readonly SalesforceClientOptions _options;
    private readonly SalesforceTokenManager _tokens;
    private readonly ApiUsagePause _usagePause;
    private readonly ResiliencePipeline _retrying;
    private readonly TimeProvider _time;
    private readonly SalesforceClientStatistics _statistics;
    private readonly ILogger _logger;

    public SalesforceHttpPipeline(
        HttpClient http,
        SalesforceClientOptions options,
        SalesforceTokenManager tokens,
        ApiUsagePause usagePause,
        ResiliencePipeline retrying,
        TimeProvider time,
        SalesforceClientStatistics statistics,
        ILogger logger)
    {
        _http = http;
        _options = options;
        _tokens = tokens;
        _usagePause = usagePause;
        _retrying = retrying;
        _time = time;
        _statistics = statistics;
        _logger = logger;
    }

    /// <summary>Sends the call; returns a 2xx, a 300 or a pass-through status, and throws the mapped exception otherwise.</summary>
    public async Task<SalesforceResponse> SendAsync(SalesforceRequest request, CancellationToken ct)
    {
        if (!request.Idempotent)
        {
            return await AttemptAsync(request, ct).ConfigureAwait(false);
        }

        return await _retrying.ExecuteAsync(
            static async (state, token) => await state.self.AttemptAsync(state.request, token).ConfigureAwait(false),
            (self: this, request),
            ct).ConfigureAwait(false);
    }

    private async Task<SalesforceResponse> AttemptAsync(SalesforceRequest request, CancellationToken ct)
    {
        var endpoint = SalesforceErrorMap.Describe(request.Method, request.PathAndQuery);
        var session = await SessionAsync(rejected: null, ct).ConfigureAwait(false);
        var renewed = false;
        while (true)
        {
            await _usagePause.WaitAsync(ct).ConfigureAwait(false);
            var (status, body) = await SendOnceAsync(request, session, endpoint, ct).ConfigureAwait(false);
            if (status == HttpStatusCode.Unauthorized && !renewed)
            {
                // The session expired or was revoked (§2.1: 2 h by default). A 401 means nothing was done, so
                // even a non-idempotent call may go again, once, with a renewed session.
                _statistics.Unauthorized();
                Log.SessionRejected(_logger, endpoint);
                renewed = true;
                session = await SessionAsync(session, ct).ConfigureAwait(false);
                continue;
            }

            if ((int)status is >= 200 and < 300 || status == HttpStatusCode.MultipleChoices)
            {
                return new SalesforceResponse(status, body);
            }

            var failure = SalesforceErrorMap.FromResponse(status, endpoint, body);
            if (request.PassThroughStatuses.Contains(status) && !failure.IsTransient)
            {
                // The caller reads this status as a value (a record-level failure); a lock conflict is still
                // thrown so that the retry pipeline gets to it.
                return new SalesforceResponse(status, body);
            }

            throw failure;
        }
    }

    private async Task<SalesforceAccessToken> SessionAsync(SalesforceAccessToken? rejected, CancellationToken ct)
    {
        try
        {
            return rejected is null
                ? await _tokens.GetTokenAsync(ct).ConfigureAwait(false)
                : await _tokens.RefreshAsync(rejected, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not SalesforceAuthException and not OperationCanceledException)
        {
            // The token endpoint already spent its own retry budget: wrapping keeps this call's pipeline from
            // multiplying it (the wrapper carries no status, so it is not transient).
            throw new SalesforceApiException($"Could not obtain a Salesforce session from {_options.LoginBase}.", ex);
        }
    }

    private async Task<(HttpStatusCode Status, string Body)> SendOnceAsync(
        SalesforceRequest request, SalesforceAccessToken session, string endpoint, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(request.Method, new Uri(session.InstanceUrl, request.PathAndQuery));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(request.Accept));
        if (request.JsonBody is not null)
        {
            message.Content = new StringContent(request.JsonBody, Encoding.UTF8, "application/json");
        }
        else if (request.CsvBody is { } csv)
        {
            // Bulk uploads are UTF-8 CSV; the charset goes on the header, the bytes carry no BOM (§1.3).
            message.Content = new ReadOnlyMemoryContent(csv);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        }
        else if (request.StreamedBody is { } streamed)
        {
            message.Content = streamed();
        }

        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        _statistics.ApiCallSent(request.Kind);
        try
        {
            var target = message.RequestUri;
            // A body reader takes the response as it arrives, so a large result file is never held whole.
            var completion = request.BodyReader is null ? HttpCompletionOption.ResponseContentRead : HttpCompletionOption.ResponseHeadersRead;
            using var response = await _http.SendAsync(message, completion, linked.Token).ConfigureAwait(false);
            if (response.RequestMessage?.RequestUri is { } final && final != target)
            {
                // A handler that follows redirects would chase the Location of a 300 (an ambiguous upsert, §2.3),
                // without the bearer token; the answer would then be about another request entirely.
                throw new SalesforceApiException(
                    $"Salesforce {endpoint} was redirected; give the client an HttpClient whose handler has AllowAutoRedirect = false.");
            }

            ObserveUsage(response);
            if (request.BodyReader is { } reader && response.IsSuccessStatusCode)
            {
                var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    await reader(stream, linked.Token).ConfigureAwait(false);
                }

                return (response.StatusCode, string.Empty);
            }

            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            return (response.StatusCode, body);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"Salesforce {endpoint} did not answer within {_options.RequestTimeout.TotalSeconds:0.#} s.", ex);
        }
    }

    private void ObserveUsage(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues(ApiUsage.HeaderName, out var values)
            || !ApiUsage.TryParse(string.Join("; ", values), out var usage))
        {
            return;
        }

        _statistics.ApiUsageObserved(usage);
        if (_usagePause.Observe(usage, _time.GetUtcNow()))
        {
            _statistics.UsagePaused();
            Log.ApiUsagePause(_logger, usage.ToString(), _options.ApiUsagePauseThreshold * 100, _options.ApiUsagePause.TotalSeconds);
        }
    }
}
