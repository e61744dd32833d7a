using System.Text.Json;

namespace Lightbridge.XSeries.Http;

/// <summary>
/// What an error body says: the API sends <c>{"error":"Too Many Requests","message":"…"}</c>, the token endpoint
/// <c>{"error":"invalid_grant","error_description":"…"}</c> (shared/reference/lightspeed-api.md §7); anything else is
/// kept as short text.
/// </summary>
internal sealed record ErrorBody(string? Message, string? Error)
{
    private const int MaxTextLength = 300;

    public static ErrorBody Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new ErrorBody(null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var root = document.RootElement;
                var error = Text(root, "error");
                return new ErrorBody(Text(root, "message") ?? Text(root, "error_description") ?? error, error);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): keep the start of the text below.
        }

        var text = body.Trim();
        return new ErrorBody(text.Length <= MaxTextLength ? text : text[..MaxTextLength] + "…", null);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
