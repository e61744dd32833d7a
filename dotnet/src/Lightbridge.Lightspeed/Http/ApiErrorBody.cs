using System.Text.Json;

namespace Lightbridge.Lightspeed.Http;

/// <summary>
/// What an error response body says. The API sends
/// <c>{"httpCode":"404","httpMessage":"Not Found","message":"…","errorClass":"…"}</c>, the token endpoint
/// <c>{"error":"invalid_grant","error_description":"…","hint":"…"}</c> (shared/reference/lightspeed-api.md §1, §2);
/// anything else is kept as short text.
/// </summary>
internal sealed record ApiErrorBody(string? Message, string? OAuthError)
{
    private const int MaxTextLength = 300;

    public static ApiErrorBody Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new ApiErrorBody(null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var root = document.RootElement;
                var oauthError = Text(root, "error");
                var message = Text(root, "message") ?? Text(root, "error_description") ?? Text(root, "hint") ?? oauthError;
                return new ApiErrorBody(message, oauthError);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): keep the start of the text below.
        }

        var text = body.Trim();
        return new ApiErrorBody(text.Length <= MaxTextLength ? text : text[..MaxTextLength] + "…", null);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
