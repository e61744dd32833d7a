using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Lightbridge.XSeries.Auth;

/// <summary>
/// Reads <c>{"access_token","token_type":"Bearer","expires","expires_in","refresh_token","domain_prefix"}</c>
/// (shared/reference/lightspeed-api.md §7). <c>expires_in</c> (seconds) wins; <c>expires</c> (Unix seconds) is the
/// fallback; the lifetime differs between sources, so it is always read, never assumed.
/// </summary>
internal static class TokenResponseReader
{
    /// <summary>Used when the response names no lifetime: short, so an unknown token is refreshed early rather than late.</summary>
    private static readonly TimeSpan UnknownLifetime = TimeSpan.FromMinutes(10);

    public static TokenGrant Read(string body, string endpoint, DateTimeOffset now)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new XSeriesApiException(HttpStatusCode.OK, endpoint, "The token response is not valid JSON.", ex) { IsTransient = true };
        }

        using (document)
        {
            var root = document.RootElement;
            var access = Text(root, "access_token")
                ?? throw new XSeriesAuthException(HttpStatusCode.OK, endpoint, "The token response has no access_token.", null);
            var expiresAt = Number(root, "expires_in") is { } seconds
                ? now + TimeSpan.FromSeconds(seconds)
                : Number(root, "expires") is { } unix && unix > now.ToUnixTimeSeconds()
                    ? DateTimeOffset.FromUnixTimeSeconds((long)unix)
                    : now + UnknownLifetime;
            return new TokenGrant(access, Text(root, "refresh_token"), expiresAt);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static double? Number(JsonElement root, string name)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var number) && number > 0 => number,
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 => parsed,
            _ => null,
        };
    }
}
