using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Lightbridge.Emulators.Salesforce.Hosting;

/// <summary>
/// The 16,384-byte cap on a REST call's URI and headers (reference section 2.8): a URI alone past it is 414, URI plus
/// headers past it is 431. Kestrel's own limits are raised above this so the emulator, not Kestrel, answers.
/// </summary>
internal static class RequestSizeGuard
{
    public const int MaxBytes = 16_384;

    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var uriBytes = Encoding.UTF8.GetByteCount(target);
        var headerBytes = context.Request.Headers.Sum(h => h.Key.Length + 4 + h.Value.Sum(v => Encoding.UTF8.GetByteCount(v ?? "")));
        var status = uriBytes > MaxBytes ? 414 : uriBytes + headerBytes > MaxBytes ? 431 : 0;
        if (status == 0)
        {
            await next();
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        var error = new JsonObject
        {
            ["errorCode"] = status == 414 ? "URI_TOO_LONG" : "REQUEST_HEADER_FIELDS_TOO_LARGE",
            ["message"] = status == 414
                ? $"The request URI is longer than {MaxBytes} bytes"
                : $"The request URI and headers are longer than {MaxBytes} bytes",
        };
        await context.Response.WriteAsync(new JsonArray(error).ToJsonString(Rest.WireJson.Options), context.RequestAborted);
    }
}
