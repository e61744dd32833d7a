using System.Text.Json;
using Lightbridge.Emulators.XSeries.Auth;
using Lightbridge.Emulators.XSeries.Control;
using Lightbridge.Emulators.XSeries.Data;
using Lightbridge.Emulators.XSeries.RateLimiting;
using Lightbridge.Emulators.XSeries.Webhooks;
using Lightbridge.Emulators.XSeries.Wire;
using Microsoft.AspNetCore.Http;

namespace Lightbridge.Emulators.XSeries.Api;

/// <summary>
/// Serves <c>/api/2.0/…</c> and <c>/api/webhooks</c> in the real order: injected faults, bearer check (401),
/// the rate limit (429 with an HTTP-date Retry-After), then the route. Every answer after the bearer check carries
/// <c>X-RateLimit-Limit</c> and <c>X-RateLimit-Remaining</c>.
/// </summary>
internal sealed class ApiPipeline(
    XSeriesStore store,
    TokenService tokens,
    WindowRateLimiter limiter,
    FaultInjector faults,
    Counters counters,
    WebhookDispatcher webhooks,
    TimeProvider time)
{
    public async Task HandleAsync(HttpContext context)
    {
        var path = (context.Request.Path.Value ?? string.Empty).TrimEnd('/');
        var endpoint = CounterKey(context.Request.Method, path);
        counters.Request(endpoint);

        var fault = faults.Decide();
        counters.Fault(fault);
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
            await WriteError(context, status, "Internal Server Error", "Something went wrong, please try again later.");
            return;
        }

        if (!tokens.IsValid(context.Request.Headers.Authorization.ToString()))
        {
            await WriteError(context, 401, "Unauthorized", "The access token is missing, invalid or expired.");
            return;
        }

        var decision = fault.Throttle ? limiter.Exhausted() : limiter.Consume();
        context.Response.Headers["X-RateLimit-Limit"] = decision.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!decision.Allowed)
        {
            counters.Throttled(endpoint);
            context.Response.Headers.RetryAfter = decision.RetryAfter;
            await WriteError(context, 429, "Too Many Requests", "Rate limiting enforced");
            return;
        }

        if (path.StartsWith("/api/webhooks", StringComparison.Ordinal))
        {
            await WebhookRoutes.HandleAsync(context, path, webhooks);
            return;
        }

        await ServeCollectionAsync(context, path);
    }

    private async Task ServeCollectionAsync(HttpContext context, string path)
    {
        var parts = path["/api/2.0/".Length..].Split('/');
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await WriteError(context, 405, "Method Not Allowed", "This emulator serves the read API 2.0 only (GET).");
            return;
        }

        if (parts.Length is < 1 or > 2 || !Collection.All.TryGetValue(parts[0], out var collection))
        {
            await WriteError(context, 404, "Not Found", $"No such resource: {path}");
            return;
        }

        byte[] body;
        if (parts.Length == 2)
        {
            var id = parts[1];
            lock (store.Gate)
            {
                var row = collection.Rows(store).FirstOrDefault(r => r.Id == id);
                if (row is null)
                {
                    body = [];
                }
                else
                {
                    body = WireWriter.Write(w =>
                    {
                        w.WriteStartObject();
                        w.WritePropertyName("data");
                        collection.Write(w, row);
                        w.WriteEndObject();
                    });
                }
            }

            if (body.Length == 0)
            {
                await WriteError(context, 404, "Not Found", $"{collection.Name} {id}: no such record.");
                return;
            }

            await Write(context, 200, body);
            return;
        }

        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        if (!VersionQuery.TryParse(query, out var request, out var error))
        {
            await WriteError(context, 400, "Bad Request", error!);
            return;
        }

        lock (store.Gate)
        {
            var page = request.Apply(collection.Rows(store), collection.HidesDeleted);
            body = WireWriter.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("data");
                foreach (var row in page)
                {
                    collection.Write(w, row);
                }

                w.WriteEndArray();
                w.WriteStartObject("version");
                // Past the end there is no row to take a version from: min and max are null, and the client keeps the
                // bookmark it already has (the docs define min/max as the versions of the rows in the response).
                if (page.Count == 0)
                {
                    w.WriteNull("min");
                    w.WriteNull("max");
                }
                else
                {
                    w.WriteNumber("min", page[0].Version);
                    w.WriteNumber("max", page[^1].Version);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            });
        }

        await Write(context, 200, body);
    }

    /// <summary>Collapses ids so counters group by endpoint: <c>GET /api/2.0/sales/{id}</c>.</summary>
    private static string CounterKey(string method, string path)
    {
        var parts = path.Split('/');
        if (path.StartsWith("/api/2.0/", StringComparison.Ordinal) && parts.Length == 5)
        {
            parts[4] = "{id}";
        }
        else if (path.StartsWith("/api/webhooks/", StringComparison.Ordinal) && parts.Length == 4)
        {
            parts[3] = "{id}";
        }

        return $"{method} {string.Join('/', parts)}";
    }

    public static Task WriteError(HttpContext context, int status, string error, string message) =>
        Write(context, status, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["error"] = error, ["message"] = message }));

    public static async Task Write(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
