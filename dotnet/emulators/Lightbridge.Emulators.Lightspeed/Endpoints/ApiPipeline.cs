using System.Globalization;
using System.Text;
using Lightbridge.Emulators.Lightspeed.Auth;
using Lightbridge.Emulators.Lightspeed.Control;
using Lightbridge.Emulators.Lightspeed.Data;
using Lightbridge.Emulators.Lightspeed.Query;
using Lightbridge.Emulators.Lightspeed.RateLimiting;
using Lightbridge.Emulators.Lightspeed.Wire;
using Microsoft.AspNetCore.Http;

namespace Lightbridge.Emulators.Lightspeed.Endpoints;

/// <summary>
/// Serves every <c>/API/V3/…</c> request in the real server's order: injected faults, bearer check (401 with the
/// real envelope), routing, request cost, the leaky bucket and burst limiter (429 with type and Retry-After), then
/// the query. Every response after the bearer check carries the rate-limit headers (reference section 5).
/// </summary>
internal sealed class ApiPipeline(
    EmulatorStore store,
    IReadOnlyDictionary<string, IEntityEndpoint> entities,
    TokenService tokens,
    RateLimiter limiter,
    FaultInjector faults,
    EmulatorCounters counters,
    TimeProvider time,
    string accountId,
    string clientId)
{
    public async Task HandleAsync(HttpContext context)
    {
        var route = ApiRoute.Parse(context.Request.Path.Value ?? string.Empty);
        counters.RecordRequest(route.CounterKey);

        var fault = faults.Decide();
        counters.RecordFault(fault);
        if (fault.Latency > TimeSpan.Zero)
        {
            await Task.Delay(fault.Latency, time, context.RequestAborted);
        }

        if (fault.Drop)
        {
            context.Abort();
            return;
        }

        if (fault.ServerErrorStatus is { } status)
        {
            await Write(context, new ApiResult(status, ErrorEnvelope.Create(status, "Please try again later.", "ServerError")));
            return;
        }

        if (!tokens.IsValid(context.Request.Headers.Authorization.ToString()))
        {
            await Write(context, new ApiResult(401, ErrorEnvelope.Create(401, "Access token could not be verified", "BadAuthenticationRequestError")));
            return;
        }

        var (result, cost) = Prepare(context, route, out var execute);
        var decision = limiter.Consume(cost);
        var headers = context.Response.Headers;
        headers["X-LS-Acct-Id"] = accountId;
        headers["X-LS-Oauth-Client-Id"] = clientId;
        headers["X-LS-API-Bucket-Level"] = decision.BucketHeader;
        headers["X-LS-API-Burst-Level"] = decision.BurstHeader;
        headers["X-LS-Api-Drip-Rate"] = decision.DripHeader;
        headers["X-LS-Api-Request-Cost"] = decision.CostHeader;
        if (decision.Outcome != RateLimitOutcome.Allowed)
        {
            counters.RecordThrottled(route.CounterKey);
            headers["X-LS-API-RateLimit-Type"] = decision.TypeHeader;
            headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            var message = decision.Outcome == RateLimitOutcome.BurstLimiter
                ? "Burst rate limit exceeded. Please wait at least 1 second before retrying."
                : $"Rate limit exceeded. Please retry after {decision.RetryAfterSeconds} seconds.";
            await Write(context, new ApiResult(429, ErrorEnvelope.Create(429, message, "RateLimitException")));
            return;
        }

        counters.RecordDrips(cost);
        if (execute is not null)
        {
            lock (store.Gate)
            {
                result = execute();
            }
        }

        await Write(context, result!);
    }

    /// <summary>Validates the request; returns either an immediate result or a query to run, plus the cost.</summary>
    private (ApiResult? Result, decimal Cost) Prepare(HttpContext context, ApiRoute route, out Func<ApiResult>? execute)
    {
        execute = null;
        var isGet = HttpMethods.IsGet(context.Request.Method);
        if (route.Kind == ApiRouteKind.Unknown || (route.Entity is not null && !entities.ContainsKey(route.Entity)))
        {
            return (Error(404, $"Route not found: {context.Request.Path}", "Exception"), RequestCostCalculator.Base);
        }

        if (!isGet)
        {
            return (Error(405, "This emulator serves the read API only (GET).", "MethodNotAllowed"), RequestCostCalculator.Base);
        }

        var wantsJson = route.Json || context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
        if (!wantsJson)
        {
            return (Error(400, "This emulator speaks JSON only: append .json or send Accept: application/json.", "Exception"), RequestCostCalculator.Base);
        }

        if (route.AccountId is not null && route.AccountId != accountId)
        {
            return (Error(403, $"Access denied to account {route.AccountId}.", "ForbiddenException"), RequestCostCalculator.Base);
        }

        if (route.Kind == ApiRouteKind.AccountList)
        {
            return (new ApiResult(200, AccountWriter.Write(accountId, detail: false)), RequestCostCalculator.Base);
        }

        if (route.Kind == ApiRouteKind.AccountSingle)
        {
            return (new ApiResult(200, AccountWriter.Write(accountId, detail: true)), RequestCostCalculator.Base);
        }

        var entity = entities[route.Entity!];
        if (!ListRequestParser.TryParse(entity, context.Request.QueryString.Value, out var request, out var error))
        {
            return (Error(400, error!, "Exception"), RequestCostCalculator.Base);
        }

        var isList = route.Kind == ApiRouteKind.EntityList;
        var cost = RequestCostCalculator.Compute(entity, request, isList);
        if (isList)
        {
            var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}";
            execute = () => entity.List(store, request, cursor => PageUrl(baseUrl, entity, request, cursor));
        }
        else
        {
            var id = route.Id!.Value;
            execute = () => entity.Single(store, id, request);
        }

        return (null, cost);
    }

    /// <summary>A full next/previous URL: the original parameters, the effective sort and limit, and the cursor.</summary>
    private static string PageUrl(string baseUrl, IEntityDefinition entity, ListRequest request, string cursorParameter)
    {
        var sb = new StringBuilder(baseUrl).Append('?');
        foreach (var (name, raw) in request.CarriedParameters)
        {
            if (name is "sort" or "limit")
            {
                continue;
            }

            sb.Append(Uri.EscapeDataString(name)).Append('=').Append(raw).Append('&');
        }

        sb.Append("sort=").Append(Uri.EscapeDataString(request.Sort?.ToWire() ?? entity.IdField));
        sb.Append("&limit=").Append(request.Limit.ToString(CultureInfo.InvariantCulture));
        sb.Append('&').Append(cursorParameter);
        return sb.ToString();
    }

    private static ApiResult Error(int status, string message, string errorClass) => new(status, ErrorEnvelope.Create(status, message, errorClass));

    private static async Task Write(HttpContext context, ApiResult result)
    {
        context.Response.StatusCode = result.Status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(result.Body, context.RequestAborted);
    }
}
