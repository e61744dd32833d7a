using System.Net;
using System.Text.Json;
using Lightbridge.Salesforce.Collections;
using Lightbridge.Salesforce.Http;

namespace Lightbridge.Salesforce.Rest;

/// <summary>
/// Reads the answer to <c>PATCH /sobjects/{Object}/{ExtIdField}/{value}</c> (shared/reference/salesforce-api.md
/// §2.3): 201 <c>{"id","success":true,"errors":[],"created":true}</c>; 200 the same with <c>created:false</c>
/// (204 without a body before v46); 300 a JSON array of matching record URLs; 404 and other 4xx an error envelope.
/// The status decides, not <c>created</c>: clients that trusted only one of them lost ids (§6).
/// </summary>
internal static class UpsertResultParser
{
    public static UpsertResult Parse(HttpStatusCode status, string body) => status switch
    {
        HttpStatusCode.Created => new UpsertResult(UpsertOutcome.Created, Id(body), []),
        HttpStatusCode.OK => new UpsertResult(UpsertOutcome.Updated, Id(body), []),
        HttpStatusCode.NoContent => new UpsertResult(UpsertOutcome.Updated, null, []),
        HttpStatusCode.MultipleChoices => new UpsertResult(UpsertOutcome.MultipleMatches, null, [])
        {
            MatchingRecordUrls = Urls(body),
        },
        HttpStatusCode.NotFound => new UpsertResult(UpsertOutcome.NotFound, null, Errors(body)),
        _ => new UpsertResult(UpsertOutcome.Failed, null, Errors(body)),
    };

    /// <summary>Turns an error envelope into record errors.</summary>
    public static IReadOnlyList<RecordError> Errors(string body) =>
        SalesforceErrorMap.ParseErrors(body).Select(e => new RecordError(e.ErrorCode ?? "UNKNOWN", e.Message, e.Fields)).ToList();

    private static string? Id(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException ex)
        {
            throw new SalesforceApiException("Salesforce returned an upsert result that is not JSON.", ex);
        }
    }

    private static List<string> Urls(string body)
    {
        var urls = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && item.GetString() is { } url)
                    {
                        urls.Add(url);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // The 300 body is informative only; the status already says what happened.
        }

        return urls;
    }

    /// <summary>Reads <c>{"id","success","errors"}</c> of a create or a publish (§3.6).</summary>
    public static (string? Id, bool Success, IReadOnlyList<RecordError> Errors) SaveResult(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new SalesforceApiException("Salesforce returned a save result that is not a JSON object.");
            }

            var id = root.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
            var success = root.TryGetProperty("success", out var s) && s.ValueKind == JsonValueKind.True;
            return (id, success, CollectionResultJoiner.Errors(root));
        }
        catch (JsonException ex)
        {
            throw new SalesforceApiException("Salesforce returned a save result that is not JSON.", ex);
        }
    }
}
