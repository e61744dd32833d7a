using System.Globalization;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Bulk;
using Lightbridge.Emulators.Salesforce.Hosting;
using Lightbridge.Emulators.Salesforce.Limits;

namespace Lightbridge.Emulators.Salesforce.Rest;

/// <summary>
/// Routes a versioned REST call (<c>vNN.N/...</c>) to its handler. <see cref="Handle"/> runs one top-level call under
/// the store's gate and commits; Composite re-enters through <see cref="Dispatch"/> inside the same transaction.
/// </summary>
internal sealed class RestRouter
{
    /// <summary>The oldest version routed; older ones are 404 as in a current org.</summary>
    public const decimal MinVersion = 20.0m;

    private readonly EmulatorState _state;
    private readonly SObjectHandler _sobjects;
    private readonly QueryHandler _query;
    private readonly CollectionsHandler _collections;
    private readonly CompositeHandler _composite;
    private readonly BulkIngestHandler _bulk;
    private readonly BulkQueryHandler _bulkQuery;

    public RestRouter(EmulatorState state)
    {
        _state = state;
        _sobjects = new SObjectHandler(state);
        _query = new QueryHandler(state);
        _collections = new CollectionsHandler(state);
        _composite = new CompositeHandler(state, this);
        _bulk = new BulkIngestHandler(state);
        _bulkQuery = new BulkQueryHandler(state);
        state.Resetting += _bulkQuery.Clear;
    }

    public RestResponse Handle(RestRequest request)
    {
        lock (_state.Store.Gate)
        {
            try
            {
                return Dispatch(request);
            }
            finally
            {
                _state.Store.Commit();
            }
        }
    }

    /// <summary>The counter name of a call, e.g. <c>sobject.upsert</c> or <c>collections.create</c>.</summary>
    public static string Classify(string method, IReadOnlyList<string> segments)
    {
        var resource = segments.Count > 1 ? segments[1] : "resources";
        return (resource, segments.Count, method) switch
        {
            ("sobjects", 2, _) => "sobject.describeGlobal",
            ("sobjects", 3, "POST") => "sobject.create",
            ("sobjects", 3, _) => "sobject.describe",
            ("sobjects", 4, _) when segments[3] == "describe" => "sobject.describe",
            ("sobjects", 4, "GET") => "sobject.get",
            ("sobjects", 4, "PATCH") => "sobject.update",
            ("sobjects", 4, "DELETE") => "sobject.delete",
            ("sobjects", 5, "PATCH") => "sobject.upsert",
            ("sobjects", 5, "GET") => "sobject.get",
            ("sobjects", 5, "DELETE") => "sobject.delete",
            ("query" or "queryAll", 2, _) => "query",
            ("query" or "queryAll", _, _) => "query.more",
            ("composite", 2, _) => "composite",
            ("composite", 5, "PATCH") => "collections.upsert",
            ("composite", _, "POST") => "collections.create",
            ("composite", _, "PATCH") => "collections.update",
            ("composite", _, "DELETE") => "collections.delete",
            ("limits", _, _) => "limits",
            ("jobs", 3, "POST") => "bulk.create",
            ("jobs", 5, "PUT") => "bulk.upload",
            ("jobs", 5, "GET") => "bulk.results",
            ("jobs", _, "PATCH") => "bulk.state",
            ("jobs", _, _) => "bulk.poll",
            _ => resource,
        };
    }

    public RestResponse Dispatch(RestRequest request)
    {
        var segments = request.Segments;
        if (segments.Count == 0 || !IsKnownVersion(segments[0]))
        {
            return RestResponse.NotFound();
        }

        if (segments.Count == 1)
        {
            return request.Method == "GET" ? RestResponse.Json(200, Resources(segments[0])) : RestResponse.NotFound();
        }

        return segments[1] switch
        {
            "sobjects" => _sobjects.Handle(request),
            "query" or "queryAll" => _query.Handle(request),
            "composite" when segments.Count == 2 => request.Method == "POST" ? _composite.Handle(request) : MethodNotAllowed(request.Method),
            "composite" when segments.Count >= 3 && segments[2] == "sobjects" => _collections.Handle(request),
            "jobs" when segments.Count >= 3 && segments[2] == "ingest" => _bulk.Handle(request),
            "jobs" when segments.Count >= 3 && segments[2] == "query" => _bulkQuery.Handle(request),
            "limits" when segments.Count == 2 => RestResponse.Json(200, LimitsReport.Build(_state.Usage, _state.Options.DailyBulkBatches, _state.BulkJobs.BatchesUsed)),
            _ => RestResponse.NotFound(),
        };
    }

    public bool IsKnownVersion(string segment) =>
        segment.Length > 1 && segment[0] == 'v'
        && decimal.TryParse(segment[1..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var version)
        && segment.Contains('.', StringComparison.Ordinal)
        && version >= MinVersion
        && version <= decimal.Parse(_state.ApiVersion, CultureInfo.InvariantCulture);

    public static RestResponse MethodNotAllowed(string method) =>
        RestResponse.Errors(405, new Validation.ApiError("METHOD_NOT_ALLOWED", $"HTTP Method '{method}' not allowed. Allowed are GET,PATCH,DELETE,POST"));

    private static JsonObject Resources(string version)
    {
        var prefix = $"/services/data/{version}";
        return new JsonObject
        {
            ["sobjects"] = prefix + "/sobjects",
            ["query"] = prefix + "/query",
            ["queryAll"] = prefix + "/queryAll",
            ["composite"] = prefix + "/composite",
            ["limits"] = prefix + "/limits",
            ["jobs"] = prefix + "/jobs",
        };
    }
}
