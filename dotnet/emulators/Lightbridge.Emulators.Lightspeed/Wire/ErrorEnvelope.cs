using System.Text.Json;

namespace Lightbridge.Emulators.Lightspeed.Wire;

/// <summary>
/// The API error body: <c>{"httpCode":"404","httpMessage":"Not Found","message":"…","errorClass":"…"}</c>, all
/// strings (shared/reference/lightspeed-api.md section 2, recorded exchanges).
/// </summary>
internal static class ErrorEnvelope
{
    public static byte[] Create(int status, string message, string errorClass) => WireJson.Write(w =>
    {
        w.WriteStartObject();
        w.Id("httpCode", status);
        w.Str("httpMessage", ReasonPhrase(status));
        w.Str("message", message);
        w.Str("errorClass", errorClass);
        w.WriteEndObject();
    });

    public static string ReasonPhrase(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Error",
    };

    /// <summary>Reads the message back (used by tests and the traffic log).</summary>
    public static string? MessageOf(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
    }
}
