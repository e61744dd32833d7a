using System.Text.Json;
using Lightbridge.Emulators.Lightspeed.Control;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Lightbridge.Emulators.Lightspeed.Auth;

/// <summary>
/// <c>/auth/oauth/token</c> (POST, JSON or form body, reference section 1: JSON since 2024.07.31) and a
/// non-interactive <c>/auth/oauth/authorize</c> that redirects straight back with a code.
/// </summary>
internal static class AuthEndpoints
{
    public static void Map(WebApplication app, TokenService tokens, EmulatorCounters counters)
    {
        app.Map("/auth/oauth/token", async (HttpContext context) =>
        {
            counters.RecordToken();
            if (!HttpMethods.IsPost(context.Request.Method))
            {
                await Write(context, new TokenResult(405, Wire.WireJson.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("error", "method_not_allowed");
                    w.WriteString("error_description", "The token endpoint only accepts POST.");
                    w.WriteEndObject();
                })));
                return;
            }

            IReadOnlyDictionary<string, string> form;
            try
            {
                form = await ReadParameters(context.Request);
            }
            catch (JsonException)
            {
                form = new Dictionary<string, string>();
            }

            await Write(context, tokens.Exchange(form));
        });

        app.MapGet("/auth/oauth/authorize", (HttpContext context) =>
        {
            var q = context.Request.Query;
            var redirect = q["redirect_uri"].ToString();
            var code = tokens.IssueCode(q["client_id"].ToString(), redirect);
            var state = q["state"].ToString();
            var target = string.IsNullOrEmpty(redirect) ? "/" : redirect;
            var separator = target.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            return Results.Redirect($"{target}{separator}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(state)}");
        });
    }

    private static async Task<IReadOnlyDictionary<string, string>> ReadParameters(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return form.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
        }

        using var reader = new StreamReader(request.Body);
        return TokenService.ParseJsonBody(await reader.ReadToEndAsync());
    }

    private static async Task Write(HttpContext context, TokenResult result)
    {
        context.Response.StatusCode = result.Status;
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.Body.WriteAsync(result.Body);
    }
}
