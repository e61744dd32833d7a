using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lightbridge.Emulators.Salesforce.Hosting;
using Lightbridge.Emulators.Salesforce.Validation;

namespace Lightbridge.Emulators.Salesforce.Rest;

/// <summary>
/// <c>POST /composite</c> (reference section 2.5): up to 25 subrequests (at most 5 of them queries or sObject
/// Collections calls) run in order in one transaction, a later one
/// naming an earlier result with <c>@{refId.field}</c>; always HTTP 200; with allOrNone a failure rolls back and every
/// other subrequest answers 400 PROCESSING_HALTED.
/// </summary>
internal sealed partial class CompositeHandler
{
    public const int MaxSubrequests = 25;

    /// <summary>Of the 25, how many may be queries (query, queryAll, their later pages) or sObject Collections calls.</summary>
    public const int MaxQueryOrCollectionSubrequests = 5;

    private static readonly ApiError Halted = new("PROCESSING_HALTED", "The transaction was rolled back since another operation in the same transaction failed.");

    private readonly EmulatorState _state;
    private readonly RestRouter _router;

    public CompositeHandler(EmulatorState state, RestRouter router)
    {
        _state = state;
        _router = router;
    }

    public RestResponse Handle(RestRequest request)
    {
        if (request.Body is not JsonObject body || body["compositeRequest"] is not JsonArray subrequests)
        {
            return RestResponse.Errors(400, new ApiError("JSON_PARSER_ERROR", "compositeRequest is required"));
        }

        if (subrequests.Count > MaxSubrequests)
        {
            return RestResponse.Errors(400, new ApiError("INVALID_REQUEST", $"Composite request can have a maximum of {MaxSubrequests} subrequests"));
        }

        var heavy = subrequests.Count(node => IsQueryOrCollection(node?["url"]?.ToString() ?? string.Empty));
        if (heavy > MaxQueryOrCollectionSubrequests)
        {
            // The limit is documented; the wording of the refusal is not, so this one is ours.
            return RestResponse.Errors(400, new ApiError(
                "INVALID_REQUEST", $"Composite request can have a maximum of {MaxQueryOrCollectionSubrequests} query or sObject Collections subrequests"));
        }

        var allOrNone = body["allOrNone"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
        var savepoint = _state.Store.Savepoint();
        var results = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var responses = new List<JsonObject>();
        var failed = false;
        foreach (var node in subrequests)
        {
            var sub = node as JsonObject ?? [];
            var referenceId = sub["referenceId"]?.ToString() ?? "";
            if (failed && allOrNone)
            {
                responses.Add(Entry(RestResponse.Errors(400, Halted), referenceId));
                continue;
            }

            var response = Execute(sub, results);
            results[referenceId] = response.Body;
            responses.Add(Entry(response, referenceId));
            if (response.Status >= 400 && !failed)
            {
                failed = true;
            }
        }

        if (failed && allOrNone)
        {
            _state.Store.Rollback(savepoint);
            for (var i = 0; i < responses.Count; i++)
            {
                if ((int)responses[i]["httpStatusCode"]! < 400)
                {
                    responses[i] = Entry(RestResponse.Errors(400, Halted), responses[i]["referenceId"]?.ToString() ?? "");
                }
            }
        }

        return RestResponse.Json(200, new JsonObject { ["compositeResponse"] = new JsonArray(responses.Select(r => (JsonNode?)r).ToArray()) });
    }

    private RestResponse Execute(JsonObject sub, Dictionary<string, JsonNode?> results)
    {
        var method = sub["method"]?.ToString().ToUpperInvariant() ?? "GET";
        var url = sub["url"]?.ToString() ?? "";
        string resolvedUrl;
        JsonNode? resolvedBody;
        try
        {
            resolvedUrl = Substitute(url, results, escape: true);
            resolvedBody = sub["body"] is { } b ? JsonNode.Parse(Substitute(b.ToJsonString(WireJson.Options), results, escape: false)) : null;
        }
        catch (KeyNotFoundException ex)
        {
            return RestResponse.Errors(400, new ApiError("PROCESSING_HALTED", ex.Message));
        }

        const string prefix = "/services/data/";
        if (!resolvedUrl.StartsWith(prefix, StringComparison.Ordinal))
        {
            return RestResponse.NotFound();
        }

        var (segments, query) = HttpPaths.Split(resolvedUrl[prefix.Length..]);
        return _router.Dispatch(new RestRequest(method, segments, query, resolvedBody));
    }

    /// <summary>Whether a subrequest URL (<c>/services/data/vXX.X/…</c>) names a query, a query's later page, or sObject Collections.</summary>
    private static bool IsQueryOrCollection(string url)
    {
        const string prefix = "/services/data/";
        var path = url.Split('?')[0];
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var afterVersion = path.IndexOf('/', prefix.Length);
        var rest = afterVersion < 0 ? string.Empty : path[(afterVersion + 1)..];
        return rest is "query" or "queryAll" or "composite/sobjects"
            || rest.StartsWith("query/", StringComparison.Ordinal)
            || rest.StartsWith("queryAll/", StringComparison.Ordinal)
            || rest.StartsWith("composite/sobjects/", StringComparison.Ordinal);
    }

    /// <summary>Replaces <c>@{ref.path}</c> with the value at that path of an earlier subrequest's body.</summary>
    private static string Substitute(string text, Dictionary<string, JsonNode?> results, bool escape) =>
        ReferencePattern().Replace(text, match =>
        {
            var path = match.Groups[1].Value;
            var dot = path.IndexOf('.', StringComparison.Ordinal);
            var referenceId = dot < 0 ? path : path[..dot];
            if (!results.TryGetValue(referenceId, out var node) || node is null)
            {
                throw new KeyNotFoundException($"Invalid reference specified. No value for {path} found in {referenceId}. Provided referenceId ({referenceId}) is invalid or not yet processed.");
            }

            foreach (Match step in PathStepPattern().Matches(dot < 0 ? "" : path[(dot + 1)..]))
            {
                node = step.Groups["index"].Success
                    ? (node as JsonArray)?.ElementAtOrDefault(int.Parse(step.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture))
                    : (node as JsonObject)?[step.Groups["name"].Value];
            }

            if (node is null)
            {
                throw new KeyNotFoundException($"Invalid reference specified. No value for {path} found in {referenceId}.");
            }

            var value = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node.ToJsonString();
            return escape ? Uri.EscapeDataString(value) : JsonEncodedText.Encode(value).ToString();
        });

    private static JsonObject Entry(RestResponse response, string referenceId)
    {
        var headers = new JsonObject();
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            headers[name] = value;
        }

        return new JsonObject
        {
            ["body"] = response.Body?.DeepClone(),
            ["httpHeaders"] = headers,
            ["httpStatusCode"] = response.Status,
            ["referenceId"] = referenceId,
        };
    }

    [GeneratedRegex(@"@\{([A-Za-z0-9_]+(?:\.[A-Za-z0-9_\[\]]+)*)\}")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"(?<name>[A-Za-z0-9_]+)|\[(?<index>\d+)\]")]
    private static partial Regex PathStepPattern();
}
