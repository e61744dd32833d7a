using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Lightbridge.Emulators.Lightspeed.Control;

/// <summary>
/// The <c>/__emulator/</c> control surface (documented in docs/emulators.md). No auth, no faults, no bucket:
/// it is for operators and tests, not part of the emulated API.
/// </summary>
internal static class ControlEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(WebApplication app, LightspeedEmulatorControl control, Func<object> info)
    {
        app.MapGet("/__emulator/info", () => Results.Json(info(), Json));

        app.MapPost("/__emulator/reset", () =>
        {
            control.Reset();
            return Results.Json(SizeOf(control), Json);
        });

        app.MapPost("/__emulator/seed", async (HttpContext context) =>
        {
            var body = await ReadAsync<SeedRequest>(context) ?? new SeedRequest(null, null, null, null, null);
            var current = control.CurrentSize;
            control.Seed(
                body.Seed ?? current.Seed,
                body.Shops ?? current.Shops,
                body.Customers ?? current.Customers,
                body.Items ?? current.Items,
                body.Sales ?? current.Sales);
            return Results.Json(SizeOf(control), Json);
        });

        app.MapPost("/__emulator/mutate", async (HttpContext context) =>
        {
            var body = await ReadAsync<MutateRequest>(context);
            try
            {
                return body?.Action switch
                {
                    "editCustomer" when body.CustomerId is { } c => Results.Json(new { customerId = control.EditCustomer(c) }, Json),
                    "addSale" => Results.Json(new { saleId = control.AddSale(body.CustomerId, body.ShopId) }, Json),
                    "voidSale" when body.SaleId is { } s => Void(control, s),
                    "changeStock" when body is { ItemId: { } i, ShopId: { } sh, Delta: { } d } =>
                        Results.Json(new { itemId = i, shopId = sh, qoh = control.ChangeStock(i, sh, d) }, Json),
                    "removeSaleLine" when body.SaleId is { } s => Results.Json(new { saleLineId = control.RemoveSaleLine(s, body.SaleLineId) }, Json),
                    "moveSale" when body.SaleId is { } s => Move(control, s, body.ShopId, body.CustomerId),
                    "setRaw" when body is { SaleId: { } s, Field: { Length: > 0 } f } => SetRaw(control, s, body.SaleLineId, f, body.Value),
                    _ => Results.Json(new { error = "action must be editCustomer{customerId}, addSale{customerId?,shopId?}, voidSale{saleId}, changeStock{itemId,shopId,delta}, removeSaleLine{saleId,saleLineId?}, moveSale{saleId,shopId?,customerId?} or setRaw{saleId,saleLineId?,field,value?}" }, Json, statusCode: 400),
                };
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

        app.MapPost("/__emulator/traffic", async (HttpContext context) =>
        {
            var body = await ReadAsync<TrafficRequest>(context);
            if (body is null || body.SalesPerMinute < 0 || body.EditsPerMinute < 0)
            {
                return Results.Json(new { error = "body {salesPerMinute, editsPerMinute} with non-negative rates required" }, Json, statusCode: 400);
            }

            control.StartTraffic(body.SalesPerMinute, body.EditsPerMinute);
            return Results.Json(control.Traffic, Json);
        });

        app.MapDelete("/__emulator/traffic", () =>
        {
            control.StopTraffic();
            return Results.Json(control.Traffic, Json);
        });

        app.MapGet("/__emulator/traffic", () => Results.Json(control.Traffic, Json));

        app.MapGet("/__emulator/counters", () => Results.Json(control.GetCounters(), Json));

        app.MapDelete("/__emulator/counters", () =>
        {
            control.ResetCounters();
            return Results.Json(control.GetCounters(), Json);
        });

        app.MapGet("/__emulator/faults", () => Results.Json(FaultsOf(control.Faults), Json));

        app.MapPost("/__emulator/faults", async (HttpContext context) =>
        {
            var body = await ReadAsync<FaultsRequest>(context) ?? new FaultsRequest(null, null, null);
            try
            {
                control.SetFaults(body.ServerErrorRate ?? 0, TimeSpan.FromMilliseconds(body.LatencyMs ?? 0), body.DroppedConnectionRate ?? 0);
            }
            catch (ArgumentOutOfRangeException)
            {
                return Results.Json(new { error = "rates must be between 0 and 1 and latencyMs non-negative" }, Json, statusCode: 400);
            }

            return Results.Json(FaultsOf(control.Faults), Json);
        });

        app.MapDelete("/__emulator/faults", () =>
        {
            control.ClearFaults();
            return Results.Json(FaultsOf(control.Faults), Json);
        });
    }

    private static IResult Void(LightspeedEmulatorControl control, int saleId)
    {
        control.VoidSale(saleId);
        return Results.Json(new { saleId }, Json);
    }

    private static IResult Move(LightspeedEmulatorControl control, int saleId, int? shopId, int? customerId)
    {
        control.MoveSale(saleId, shopId, customerId);
        return Results.Json(new { saleId }, Json);
    }

    private static IResult SetRaw(LightspeedEmulatorControl control, int saleId, int? saleLineId, string field, string? value)
    {
        control.SetRawSaleField(saleId, field, value, saleLineId);
        return Results.Json(new { saleId, saleLineId, field }, Json);
    }

    private static object SizeOf(LightspeedEmulatorControl control)
    {
        var s = control.CurrentSize;
        return new { seed = s.Seed, shops = s.Shops, customers = s.Customers, items = s.Items, sales = s.Sales, registers = control.RegisterCount };
    }

    private static object FaultsOf(EmulatorFaults f) =>
        new { serverErrorRate = f.ServerErrorRate, latencyMs = (long)f.Latency.TotalMilliseconds, droppedConnectionRate = f.DroppedConnectionRate };

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
