using System.Net;
using System.Text.Json;

namespace Lightbridge.Salesforce.Http;

/// <summary>The one place where a failed Salesforce response becomes an exception (STYLE G10).</summary>
internal static class SalesforceErrorMap
{
    private const int MaxPlainTextLength = 300;

    /// <summary>Maps a response the caller did not expect.</summary>
    /// <param name="status">The status received.</param>
    /// <param name="endpoint">Method and path, without query or token.</param>
    /// <param name="body">The response text, possibly empty or not JSON.</param>
    public static SalesforceApiException FromResponse(HttpStatusCode status, string endpoint, string? body)
    {
        var errors = ParseErrors(body);
        return status switch
        {
            HttpStatusCode.Unauthorized => new SalesforceSessionExpiredException(status, endpoint, errors),
            HttpStatusCode.Forbidden when HasCode(errors, SalesforceErrorCodes.RequestLimitExceeded) =>
                new SalesforceRequestLimitExceededException(status, endpoint, errors),
            HttpStatusCode.NotFound => new SalesforceNotFoundException(status, endpoint, errors),
            _ => new SalesforceApiException(status, endpoint, errors),
        };
    }

    /// <summary>
    /// Reads every error shape Salesforce answers with: the REST envelope <c>[{"message","errorCode","fields"}]</c>
    /// (§2.7), a single such object, the record-level <c>{"statusCode","message","fields"}</c> (§2.4), and the
    /// OAuth <c>{"error","error_description"}</c> (§2.1). Anything else (an HTML 503 page from a proxy) becomes
    /// one error holding the start of the text.
    /// </summary>
    public static IReadOnlyList<ApiError> ParseErrors(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                var errors = new List<ApiError>();
                foreach (var item in root.EnumerateArray())
                {
                    if (ParseOne(item) is { } error)
                    {
                        errors.Add(error);
                    }
                }

                return errors;
            }

            return ParseOne(root) is { } single ? [single] : [];
        }
        catch (JsonException)
        {
            var text = body.Trim();
            return [new ApiError(null, text.Length > MaxPlainTextLength ? text[..MaxPlainTextLength] + "…" : text, [])];
        }
    }

    /// <summary>Reads one <c>{"statusCode"|"errorCode","message","fields"}</c> entry; null for anything else.</summary>
    public static ApiError? ParseOne(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var code = Text(item, "errorCode") ?? Text(item, "statusCode") ?? Text(item, "error");
        var message = Text(item, "message") ?? Text(item, "error_description");
        if (code is null && message is null)
        {
            return null;
        }

        return new ApiError(code, message ?? string.Empty, Fields(item));
    }

    /// <summary>Describes a request for messages and logs: method and path, never the query or a token.</summary>
    public static string Describe(HttpMethod method, string pathAndQuery)
    {
        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return $"{method.Method} {(question >= 0 ? pathAndQuery[..question] : pathAndQuery)}";
    }

    private static bool HasCode(IReadOnlyList<ApiError> errors, string code) =>
        errors.Any(e => string.Equals(e.ErrorCode, code, StringComparison.Ordinal));

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Fields(JsonElement item)
    {
        if (!item.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var names = new List<string>();
        foreach (var field in fields.EnumerateArray())
        {
            if (field.ValueKind == JsonValueKind.String && field.GetString() is { Length: > 0 } name)
            {
                names.Add(name);
            }
        }

        return names;
    }
}
