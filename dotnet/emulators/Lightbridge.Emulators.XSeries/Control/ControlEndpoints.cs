using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Lightbridge.Emulators.XSeries.Control;

/// <summary>
/// The <c>/_control/</c> surface (docs/emulators.md, "X-Series emulator"). No auth, no faults, no rate limit: it is
/// for operators and tests, not part of the emulated API.
/// </summary>
internal static class ControlEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(WebApplication app, XSeriesEmulatorControl control, Func<object> info)
    {
        app.MapGet("/_control/info", () => Results.Json(info(), Json));

        app.MapPost("/_control/reset", () =>
        {
            control.Reset();
            return Results.Json(SizeOf(control), Json);
        });

        app.MapPost("/_control/seed", async (HttpContext context) =>
        {
            var body = await ReadAsync<SeedRequest>(context) ?? new SeedRequest(null, null, null, null, null, null, null);
            var s = control.CurrentSize;
            try
            {
                control.Seed(
                    body.Seed ?? s.Seed,
                    body.Outlets ?? s.Outlets,
                    body.RegistersPerOutlet ?? s.RegistersPerOutlet,
                    body.Customers ?? s.Customers,
                    body.Products ?? s.Products,
                    body.Sales ?? s.Sales,
                    body.HistoryDays ?? s.HistoryDays);
            }
            catch (ArgumentException ex)
            {
                return Results.Json(new { error = ex.Message }, Json, statusCode: 400);
            }

            return Results.Json(SizeOf(control), Json);
        });

        app.MapPost("/_control/mutate", async (HttpContext context) =>
        {
            var b = await ReadAsync<MutateRequest>(context);
            try
            {
                XSeriesChange? change = b?.Action switch
                {
                    "createSale" => control.CreateSale(b.CustomerId, b.OutletId),
                    "voidSale" when b.SaleId is { } s => control.VoidSale(s),
                    "updateCustomer" when b.CustomerId is { } c => control.UpdateCustomer(c),
                    "updateProduct" when b.ProductId is { } p => control.UpdateProduct(p),
                    "setInventory" when b is { ProductId: { } p, OutletId: { } o, Level: { } l } => control.SetInventoryLevel(p, o, l),
                    "deleteCustomer" when b.CustomerId is { } c => control.DeleteCustomer(c),
                    "deleteProduct" when b.ProductId is { } p => control.DeleteProduct(p),
                    _ => null,
                };
                return change is null
                    ? Results.Json(new { error = "action must be createSale{customerId?,outletId?}, voidSale{saleId}, updateCustomer{customerId}, updateProduct{productId}, setInventory{productId,outletId,level}, deleteCustomer{customerId} or deleteProduct{productId}" }, Json, statusCode: 400)
                    : Results.Json(new { id = change.Id, version = change.Version }, Json);
            }
            catch (KeyNotFoundException ex)
            {
                return Results.Json(new { error = ex.Message }, Json, statusCode: 404);
            }
            catch (InvalidOperationException ex)
            {
                return Results.Json(new { error = ex.Message }, Json, statusCode: 409);
            }
        });

        app.MapGet("/_control/ids", () => Results.Json(
            new { outlets = control.OutletIds(), customers = control.CustomerIds(), products = control.ProductIds(), sales = control.SaleIds(), currentVersion = control.CurrentVersion },
            Json));

        app.MapGet("/_control/counters", () => Results.Json(control.GetCounters(), Json));
        app.MapDelete("/_control/counters", () =>
        {
            control.ResetCounters();
            return Results.Json(control.GetCounters(), Json);
        });

        app.MapGet("/_control/faults", () => Results.Json(FaultsOf(control.Faults), Json));
        app.MapPost("/_control/faults", async (HttpContext context) =>
        {
            var b = await ReadAsync<FaultsRequest>(context) ?? new FaultsRequest(null, null, null, null);
            try
            {
                control.SetFaults(new XSeriesFaults(b.ServerErrorRate ?? 0, b.ThrottleRate ?? 0, TimeSpan.FromMilliseconds(b.LatencyMs ?? 0), b.DroppedConnectionRate ?? 0));
            }
            catch (ArgumentOutOfRangeException)
            {
                return Results.Json(new { error = "rates must be between 0 and 1 and latencyMs non-negative" }, Json, statusCode: 400);
            }

            return Results.Json(FaultsOf(control.Faults), Json);
        });
        app.MapDelete("/_control/faults", () =>
        {
            control.ClearFaults();
            return Results.Json(FaultsOf(control.Faults), Json);
        });

        app.MapGet("/_control/webhooks", () => Results.Json(new { dropRate = control.WebhookDropRate, subscriptions = control.Webhooks }, Json));
        app.MapPost("/_control/webhooks", async (HttpContext context) =>
        {
            var b = await ReadAsync<WebhookRequest>(context);
            if (b?.Type is null || !Uri.TryCreate(b.Url, UriKind.Absolute, out var url))
            {
                return Results.Json(new { error = "body {type, url} required" }, Json, statusCode: 400);
            }

            try
            {
                return Results.Json(control.AddWebhook(b.Type, url), Json);
            }
            catch (ArgumentException ex)
            {
                return Results.Json(new { error = ex.Message }, Json, statusCode: 400);
            }
        });
        app.MapGet("/_control/webhooks/deliveries", () => Results.Json(
            control.WebhookDeliveries().Select(d => new
            {
                type = d.Type,
                recordId = d.RecordId,
                version = d.Version,
                subscriptionId = d.SubscriptionId,
                queuedAt = d.QueuedAt,
                finishedAt = d.FinishedAt,
                outcome = d.Outcome.ToString().ToLowerInvariant(),
            }),
            Json));
        app.MapDelete("/_control/webhooks/{id}", (string id) =>
            control.RemoveWebhook(id) ? Results.Json(new { id }, Json) : Results.Json(new { error = $"webhook {id}: no such webhook" }, Json, statusCode: 404));
        app.MapPost("/_control/webhooks/drop-rate", async (HttpContext context) =>
        {
            var b = await ReadAsync<DropRateRequest>(context);
            if (b?.Rate is not { } rate || rate is < 0 or > 1)
            {
                return Results.Json(new { error = "body {rate} between 0 and 1 required" }, Json, statusCode: 400);
            }

            control.WebhookDropRate = rate;
            return Results.Json(new { dropRate = rate }, Json);
        });

        app.MapPost("/_control/tokens", () => Results.Json(
            new { accessToken = control.IssueAccessToken(), refreshToken = control.IssueRefreshToken(), authorizationCode = control.IssueAuthorizationCode() },
            Json));
    }

    private static object SizeOf(XSeriesEmulatorControl control)
    {
        var s = control.CurrentSize;
        return new
        {
            seed = s.Seed,
            outlets = s.Outlets,
            registersPerOutlet = s.RegistersPerOutlet,
            customers = s.Customers,
            products = s.Products,
            sales = s.Sales,
            historyDays = s.HistoryDays,
            registers = control.RegisterCount,
            currentVersion = control.CurrentVersion,
        };
    }

    private static object FaultsOf(XSeriesFaults f) => new
    {
        serverErrorRate = f.ServerErrorRate,
        throttleRate = f.ThrottleRate,
        latencyMs = (long)f.Latency.TotalMilliseconds,
        droppedConnectionRate = f.DroppedConnectionRate,
    };

    private static async Task<T?> ReadAsync<T>(HttpContext context)
        where T : class
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
