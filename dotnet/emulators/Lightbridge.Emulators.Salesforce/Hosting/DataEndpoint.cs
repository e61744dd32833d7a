using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Rest;
using Lightbridge.Emulators.Salesforce.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Lightbridge.Emulators.Salesforce.Hosting;

/// <summary>
/// The HTTP shell around <see cref="RestRouter"/> for <c>/services/data/...</c>: bearer-token check (401
/// INVALID_SESSION_ID), the daily counter (403 REQUEST_LIMIT_EXCEEDED), injected faults, call counters and the
/// Sforce-Limit-Info header on every response except the version list (reference section 2.2 and 2.7).
/// </summary>
internal sealed class DataEndpoint
{
    private const string Prefix = "/services/data/";

    private readonly EmulatorState _state;
    private readonly RestRouter _router;

    public DataEndpoint(EmulatorState state)
    {
        _state = state;
        _router = new RestRouter(state);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (context.Request.Path + context.Request.QueryString);
        var (segments, query) = HttpPaths.Split(raw.StartsWith(Prefix, StringComparison.Ordinal) ? raw[Prefix.Length..] : "");
        if (segments.Count == 0)
        {
            // The version list needs no session and carries no limit header.
            await WriteAsync(context, RestResponse.Json(200, Versions()), withLimitHeader: false);
            return;
        }

        var token = BearerToken(context.Request);
        if (!_state.Sessions.IsValid(token))
        {
            await WriteAsync(context, RestResponse.Errors(401, new ApiError("INVALID_SESSION_ID", "Session expired or invalid")), withLimitHeader: false);
            return;
        }

        var faults = _state.Faults.Settings;
        if (faults.Latency > TimeSpan.Zero)
        {
            _state.Counters.Increment("fault.latency");
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _state.Stopping.Token);
            try
            {
                await Task.Delay(faults.Latency, _state.Time, wait.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (_state.Faults.Roll(faults.DropConnectionRate))
        {
            _state.Counters.Increment("fault.dropped");
            context.Abort();
            return;
        }

        if (faults.RequestLimitExceeded || !_state.Usage.TryConsume())
        {
            _state.Counters.Increment("fault.limit");
            await WriteAsync(context, RestResponse.Errors(403, new ApiError("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")), withLimitHeader: true);
            return;
        }

        _state.Counters.Increment("api.total");
        _state.Counters.Increment(RestRouter.Classify(context.Request.Method, segments));
        if (_state.Faults.Roll(faults.ServiceUnavailableRate))
        {
            _state.Counters.Increment("fault.unavailable");
            await WriteAsync(context, RestResponse.Errors(503, new ApiError("SERVER_UNAVAILABLE", "Server temporarily unavailable.")), withLimitHeader: true);
            return;
        }

        if (_state.Faults.Roll(faults.ServerErrorRate))
        {
            _state.Counters.Increment("fault.server-error");
            await WriteAsync(context, RestResponse.Errors(500, new ApiError("UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)")), withLimitHeader: true);
            return;
        }

        JsonNode? body = null;
        string? csv = null;
        var hasBody = context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0;
        if (hasBody && (context.Request.ContentType ?? "").StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            // Bulk uploads are read as bytes decoded without stripping a BOM: a BOM must break the first header
            // (reference section 1.3).
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            csv = new System.Text.UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        else if (hasBody)
        {
            try
            {
                body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            }
            catch (JsonException ex)
            {
                await WriteAsync(context, RestResponse.Errors(400, new ApiError("JSON_PARSER_ERROR", $"Unexpected character: {ex.Message}")), withLimitHeader: true);
                return;
            }
        }

        if (IsReadOnlyComposite(context.Request.Method, segments, body))
        {
            // Counted apart as well, so that "composite" less this is the Composite calls that could write.
            _state.Counters.Increment("composite.reads");
        }

        var response = _router.Handle(new RestRequest(context.Request.Method, segments, query, body, BatchSize(context.Request), csv));
        await WriteAsync(context, response, withLimitHeader: true);
    }

    /// <summary>A Composite call whose every subrequest is a GET (batched queries, or one query too long for a URI).</summary>
    private static bool IsReadOnlyComposite(string method, IReadOnlyList<string> segments, JsonNode? body) =>
        method == "POST" && segments is [_, "composite"]
        && body?["compositeRequest"] is JsonArray { Count: > 0 } subrequests
        && subrequests.All(sub => string.Equals(sub?["method"]?.ToString(), "GET", StringComparison.OrdinalIgnoreCase));

    private async Task WriteAsync(HttpContext context, RestResponse response, bool withLimitHeader)
    {
        context.Response.StatusCode = response.Status;
        if (withLimitHeader)
        {
            context.Response.Headers["Sforce-Limit-Info"] = _state.Usage.Header;
        }

        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Text is not null)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(response.Text, context.RequestAborted);
        }
        else if (response.Body is not null)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(response.Body.ToJsonString(WireJson.Options), context.RequestAborted);
        }
    }

    private JsonArray Versions()
    {
        var max = decimal.Parse(_state.ApiVersion, CultureInfo.InvariantCulture);
        var versions = new JsonArray();
        for (var v = RestRouter.MinVersion; v <= max; v += 1m)
        {
            var text = v.ToString("0.0", CultureInfo.InvariantCulture);
            versions.Add(new JsonObject { ["label"] = "API " + text, ["url"] = $"{Prefix}v{text}", ["version"] = text });
        }

        return versions;
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        foreach (var scheme in new[] { "Bearer ", "OAuth " })
        {
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return header[scheme.Length..].Trim();
            }
        }

        return null;
    }

    private static int? BatchSize(HttpRequest request)
    {
        var options = request.Headers["Sforce-Query-Options"].ToString();
        foreach (var part in options.Split(',', ';'))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2 && string.Equals(pair[0], "batchSize", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                return size;
            }
        }

        return null;
    }
}
