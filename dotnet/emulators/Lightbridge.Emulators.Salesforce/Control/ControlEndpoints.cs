using System.Text.Json;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Hosting;
using Lightbridge.Emulators.Salesforce.Soql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lightbridge.Emulators.Salesforce.Control;

/// <summary>The HTTP control surface under <c>/__emulator/</c> (no authentication; documented in the README).</summary>
internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state, SalesforceEmulatorControl control)
    {
        var group = app.MapGroup("/__emulator");
        group.MapPost("/reset", () =>
        {
            control.Reset();
            return Results.NoContent();
        });
        group.MapPost("/records/{objectName}", async (string objectName, HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            if (body is not JsonArray array)
            {
                return Json(400, new JsonObject { ["error"] = "expected a JSON array of records" });
            }

            try
            {
                var ids = control.LoadRecords(objectName, array.OfType<JsonObject>().ToArray());
                return Json(200, new JsonObject { ["ids"] = new JsonArray(ids.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()) });
            }
            catch (InvalidOperationException ex)
            {
                return Json(400, new JsonObject { ["error"] = ex.Message });
            }
        });
        group.MapGet("/counters", () => Json(200, new JsonObject
        {
            ["apiCallsToday"] = control.ApiCallsToday,
            ["dailyApiLimit"] = state.Usage.Limit,
            ["counters"] = new JsonObject(control.Counters.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)JsonValue.Create(c.Value)))),
        }));
        group.MapGet("/faults", () => Json(200, FaultsJson(state.Faults.Settings)));
        group.MapPut("/faults", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            var settings = new FaultSettings
            {
                ServerErrorRate = Number(body, "serverErrorRate"),
                ServiceUnavailableRate = Number(body, "serviceUnavailableRate"),
                LockRowRate = Number(body, "lockRowRate"),
                DropConnectionRate = Number(body, "dropConnectionRate"),
                RequestLimitExceeded = body["requestLimitExceeded"] is JsonValue v && v.GetValueKind() == JsonValueKind.True,
                Latency = TimeSpan.FromMilliseconds(Number(body, "latencyMs")),
            };
            control.SetFaults(settings);
            return Json(200, FaultsJson(settings));
        });
        group.MapDelete("/faults", () =>
        {
            control.ClearFaults();
            return Results.NoContent();
        });
        group.MapPut("/api-usage", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            control.SetApiUsage((int)Number(body, "used"));
            return Results.NoContent();
        });
        group.MapPost("/sessions/expire", () =>
        {
            control.ExpireAllSessions();
            return Results.NoContent();
        });
        group.MapPost("/sessions/revoke", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            return control.RevokeToken(body["token"]?.ToString() ?? "") ? Results.NoContent() : Results.NotFound();
        });
        group.MapPost("/cometd/drop-clients", () =>
        {
            control.DropAllCometdClients();
            return Results.NoContent();
        });
        group.MapPost("/refresh-tokens", () => Json(200, new JsonObject { ["refresh_token"] = control.IssueRefreshToken() }));
        group.MapGet("/query", (string q) =>
        {
            try
            {
                return Json(200, control.Query(q));
            }
            catch (SoqlException ex)
            {
                return Json(400, new JsonObject { ["errorCode"] = ex.ErrorCode, ["message"] = ex.Message });
            }
        });
    }

    private static double Number(JsonObject body, string name) =>
        body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : 0;

    private static JsonObject FaultsJson(FaultSettings settings) => new()
    {
        ["serverErrorRate"] = settings.ServerErrorRate,
        ["serviceUnavailableRate"] = settings.ServiceUnavailableRate,
        ["requestLimitExceeded"] = settings.RequestLimitExceeded,
        ["lockRowRate"] = settings.LockRowRate,
        ["dropConnectionRate"] = settings.DropConnectionRate,
        ["latencyMs"] = settings.Latency.TotalMilliseconds,
    };

    private static IResult Json(int status, JsonNode body) => Results.Text(body.ToJsonString(Rest.WireJson.Options), "application/json", statusCode: status);
}
