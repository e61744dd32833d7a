using System.Text.Json;
using Lightbridge.Emulators.XSeries.Webhooks;
using Microsoft.AspNetCore.Http;

namespace Lightbridge.Emulators.XSeries.Api;

/// <summary>
/// <c>/api/webhooks</c> (reference section 7): <c>GET</c> lists, <c>POST</c> creates from a form-encoded body
/// (a <c>data</c> field holding <c>{"url","active","type"}</c> JSON, or the same as plain fields), <c>DELETE
/// /api/webhooks/{id}</c> removes.
/// </summary>
internal static class WebhookRoutes
{
    public static async Task HandleAsync(HttpContext context, string path, WebhookDispatcher webhooks)
    {
        var method = context.Request.Method;
        if (path == "/api/webhooks" && HttpMethods.IsGet(method))
        {
            await ApiPipeline.Write(context, 200, JsonSerializer.SerializeToUtf8Bytes(webhooks.Subscriptions.Select(h => Shape(h, webhooks.RetailerId))));
            return;
        }

        if (path == "/api/webhooks" && HttpMethods.IsPost(method))
        {
            if (!context.Request.HasFormContentType)
            {
                await ApiPipeline.WriteError(context, 400, "Bad Request", "Send the webhook as application/x-www-form-urlencoded.");
                return;
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            string? url = form["url"], type = form["type"], active = form["active"];
            if (form.TryGetValue("data", out var data))
            {
                try
                {
                    using var doc = JsonDocument.Parse(data.ToString());
                    var root = doc.RootElement;
                    url = root.TryGetProperty("url", out var u) ? u.GetString() : null;
                    type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
                    active = root.TryGetProperty("active", out var a) && a.ValueKind == JsonValueKind.False ? "false" : "true";
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException)
                {
                    await ApiPipeline.WriteError(context, 400, "Bad Request", "data: not a JSON object with url, active and type.");
                    return;
                }
            }

            if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var target) || string.IsNullOrEmpty(type))
            {
                await ApiPipeline.WriteError(context, 400, "Bad Request", "url (absolute) and type are required.");
                return;
            }

            try
            {
                var hook = webhooks.Add(type, target, active is not ("false" or "0"));
                await ApiPipeline.Write(context, 200, JsonSerializer.SerializeToUtf8Bytes(Shape(hook, webhooks.RetailerId)));
            }
            catch (ArgumentException ex)
            {
                await ApiPipeline.WriteError(context, 400, "Bad Request", ex.Message);
            }

            return;
        }

        if (path.StartsWith("/api/webhooks/", StringComparison.Ordinal) && HttpMethods.IsDelete(method))
        {
            var id = path["/api/webhooks/".Length..];
            if (webhooks.Remove(id))
            {
                await ApiPipeline.Write(context, 200, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["status"] = "success" }));
            }
            else
            {
                await ApiPipeline.WriteError(context, 404, "Not Found", $"webhook {id}: no such webhook.");
            }

            return;
        }

        await ApiPipeline.WriteError(context, 405, "Method Not Allowed", "Use GET or POST /api/webhooks, or DELETE /api/webhooks/{id}.");
    }

    private static Dictionary<string, object> Shape(XSeriesWebhook hook, string retailerId) => new()
    {
        ["id"] = hook.Id,
        ["retailer_id"] = retailerId,
        ["url"] = hook.Url.ToString(),
        ["active"] = hook.Active,
        ["type"] = hook.Type,
    };
}
