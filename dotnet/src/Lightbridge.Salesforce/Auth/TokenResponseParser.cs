using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Lightbridge.Salesforce.Auth;

/// <summary>
/// Reads the token endpoint's answer: <c>{"access_token","instance_url","id","token_type","issued_at",…}</c> on
/// success, <c>{"error","error_description"}</c> on refusal (shared/reference/salesforce-api.md §2.1).
/// </summary>
internal static class TokenResponseParser
{
    /// <summary>Parses a response of the token endpoint.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The response text.</param>
    /// <param name="flow">The grant requested, for messages.</param>
    /// <param name="loginUrl">The login URL, for messages.</param>
    /// <exception cref="SalesforceAuthException">The grant was refused.</exception>
    /// <exception cref="SalesforceApiException">A 5xx (transient) or a success the client cannot read.</exception>
    public static SalesforceAccessToken Parse(HttpStatusCode status, string body, SalesforceAuthFlow flow, string loginUrl)
    {
        var endpoint = $"POST {loginUrl}/services/oauth2/token";
        if ((int)status >= 500)
        {
            throw Http.SalesforceErrorMap.FromResponse(status, endpoint, body);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            if ((int)status is >= 200 and < 300)
            {
                throw new SalesforceApiException($"Salesforce {endpoint} returned a token response that is not JSON.", ex);
            }

            throw new SalesforceAuthException(flow, loginUrl, status, null, null);
        }

        using (document)
        {
            var root = document.RootElement;
            if ((int)status is < 200 or >= 300)
            {
                throw new SalesforceAuthException(flow, loginUrl, status, Text(root, "error"), Text(root, "error_description"));
            }

            var access = Text(root, "access_token");
            var instance = Text(root, "instance_url");
            if (access is null || instance is null || !Uri.TryCreate(instance, UriKind.Absolute, out var instanceUrl))
            {
                throw new SalesforceApiException($"Salesforce {endpoint} returned a token response without access_token or an absolute instance_url.");
            }

            return new SalesforceAccessToken(access, instanceUrl, IssuedAt(root), Text(root, "refresh_token"));
        }
    }

    private static DateTimeOffset? IssuedAt(JsonElement root)
    {
        // issued_at is milliseconds since the epoch, sent as a string (§2.1); accept a number too.
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("issued_at", out var value))
        {
            return null;
        }

        long milliseconds;
        if (value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            milliseconds = parsed;
        }
        else if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            milliseconds = number;
        }
        else
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
