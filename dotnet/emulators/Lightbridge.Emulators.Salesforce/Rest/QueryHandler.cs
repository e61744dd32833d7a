using System.Globalization;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Hosting;
using Lightbridge.Emulators.Salesforce.Soql;
using Lightbridge.Emulators.Salesforce.Validation;

namespace Lightbridge.Emulators.Salesforce.Rest;

/// <summary>
/// <c>/query?q=</c>, <c>/queryAll?q=</c> and <c>/query/01g…-N</c>: runs SOQL and pages the rows (reference section 2.6).
/// The batch is <see cref="SalesforceEmulatorOptions.QueryBatchSize"/> unless <c>Sforce-Query-Options: batchSize=N</c>
/// (200 to 2000) asks for another.
/// </summary>
internal sealed class QueryHandler
{
    private readonly EmulatorState _state;

    public QueryHandler(EmulatorState state)
    {
        _state = state;
    }

    public RestResponse Handle(RestRequest request)
    {
        if (request.Method != "GET")
        {
            return RestRouter.MethodNotAllowed(request.Method);
        }

        var version = request.Segments[0][1..];
        var batch = Math.Clamp(request.BatchSize ?? _state.Options.QueryBatchSize, 200, 2000);
        if (request.Segments.Count == 3)
        {
            return NextPage(request.Segments[2], version, batch);
        }

        var soql = request.QueryValue("q");
        if (string.IsNullOrWhiteSpace(soql))
        {
            return RestResponse.Errors(400, new ApiError("MALFORMED_QUERY", "A query string has to be specified"));
        }

        SoqlResult result;
        try
        {
            result = _state.Soql.Execute(soql, version, includeDeleted: request.Segments[1] == "queryAll");
        }
        catch (SoqlException ex)
        {
            return RestResponse.Errors(400, new ApiError(ex.ErrorCode, ex.Message));
        }

        var cursor = result.Records.Count > batch ? _state.Cursors.Open(result.Records) : null;
        return Page(result.TotalSize, result.Records, 0, batch, cursor, version);
    }

    private RestResponse NextPage(string locator, string version, int batch)
    {
        var dash = locator.LastIndexOf('-');
        var records = dash > 0 ? _state.Cursors.Find(locator[..dash]) : null;
        if (records is null || !int.TryParse(locator[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) || offset > records.Count)
        {
            return RestResponse.Errors(400, new ApiError("INVALID_QUERY_LOCATOR", "invalid query locator"));
        }

        return Page(records.Count, records, offset, batch, locator[..dash], version);
    }

    private static RestResponse Page(int totalSize, IReadOnlyList<JsonObject> records, int offset, int batch, string? cursor, string version)
    {
        var end = Math.Min(records.Count, offset + batch);
        var body = new JsonObject { ["totalSize"] = totalSize, ["done"] = end >= records.Count };
        if (end < records.Count)
        {
            body["nextRecordsUrl"] = $"/services/data/v{version}/query/{cursor}-{end}";
        }

        // Rows are cloned: a cursor may hand the same rendered row to a later page request.
        body["records"] = new JsonArray(records.Skip(offset).Take(end - offset).Select(r => (JsonNode?)r.DeepClone()).ToArray());
        return RestResponse.Json(200, body);
    }
}
