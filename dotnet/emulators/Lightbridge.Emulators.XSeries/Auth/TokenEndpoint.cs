using Lightbridge.Emulators.XSeries.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Lightbridge.Emulators.XSeries.Auth;

/// <summary><c>POST /api/1.0/token</c>, form-encoded as the real endpoint takes it. No bearer, no API rate limit.</summary>
internal static class TokenEndpoint
{
    public static void Map(WebApplication app, TokenService tokens, Func<string, bool> count)
    {
        app.Map("/api/1.0/token", async (HttpContext context) =>
        {
            count("POST /api/1.0/token");
            if (!HttpMethods.IsPost(context.Request.Method))
            {
                await ApiPipeline.WriteError(context, 405, "Method Not Allowed", "POST the token request.");
                return;
            }

            if (!context.Request.HasFormContentType)
            {
                await ApiPipeline.WriteError(context, 400, "invalid_request", "The token request must be application/x-www-form-urlencoded.");
                return;
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
            var (status, body) = tokens.Exchange(fields);
            await ApiPipeline.Write(context, status, body);
        });
    }
}
