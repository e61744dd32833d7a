using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Lightbridge.Lightspeed.Auth;

/// <summary>
/// Reads <c>{"token_type":"Bearer","expires_in":3600,"access_token":"…","refresh_token":"…"}</c>.
/// <c>expires_in</c> is authoritative and varies (3600, 1800, …; shared/reference/lightspeed-api.md §1),
/// and is accepted as a number or a string.
/// </summary>
internal static class TokenResponseParser
{
    public static TokenGrant Parse(string body, string endpoint)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var access = Text(root, "access_token");
            var refresh = Text(root, "refresh_token");
            var expiresIn = Seconds(root, "expires_in");
            if (access is null || refresh is null || expiresIn is null)
            {
                throw new LightspeedApiException(HttpStatusCode.OK, endpoint, "The token response lacks access_token, refresh_token or expires_in.");
            }

            return new TokenGrant(access, refresh, TimeSpan.FromSeconds(expiresIn.Value));
        }
        catch (JsonException ex)
        {
            throw new LightspeedApiException(HttpStatusCode.OK, endpoint, "The token response is not JSON.", ex);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static double? Seconds(JsonElement root, string name)
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
