using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Hosting;
using Lightbridge.Emulators.Salesforce.Ids;
using Lightbridge.Emulators.Salesforce.Rest;
using Lightbridge.Emulators.Salesforce.Soql;
using Lightbridge.Emulators.Salesforce.Validation;

namespace Lightbridge.Emulators.Salesforce.Bulk;

/// <summary>
/// <c>/jobs/query</c>: Bulk API 2.0 query jobs for large reads. The statement is checked at create (an invalid one is
/// 400), runs once the job has been InProgress for the processing time, and its CSV is read in pages with
/// <c>maxRecords</c> and the <c>Sforce-Locator</c> header (<c>null</c> on the last page).
/// </summary>
internal sealed class BulkQueryHandler
{
    private readonly EmulatorState _state;
    private readonly Dictionary<string, BulkQueryJob> _jobs = new(StringComparer.Ordinal);
    private long _sequence;

    public BulkQueryHandler(EmulatorState state)
    {
        _state = state;
    }

    public void Clear() => _jobs.Clear();

    public RestResponse Handle(RestRequest request)
    {
        var s = request.Segments;
        if (s.Count == 3)
        {
            return request.Method == "POST" ? Create(request, s[0][1..]) : RestRouter.MethodNotAllowed(request.Method);
        }

        if (!SalesforceId.TryNormalize(s[3], out var id) || !_jobs.TryGetValue(id, out var job))
        {
            return RestResponse.NotFound();
        }

        Advance(job);
        return (s.Count, request.Method) switch
        {
            (4, "GET") => RestResponse.Json(200, Info(job)),
            (4, "PATCH") => Abort(job, request),
            (4, "DELETE") => Delete(job),
            (5, "GET") when s[4] == "results" => Results(job, request),
            _ => RestResponse.NotFound(),
        };
    }

    private RestResponse Create(RestRequest request, string version)
    {
        var body = request.Body as JsonObject ?? [];
        var soql = body["query"]?.ToString() ?? "";
        var operation = body["operation"]?.ToString() ?? "query";
        SoqlQuery parsed;
        try
        {
            parsed = SoqlParser.Parse(soql);
            if (parsed.IsAggregate || parsed.IsCountOnly)
            {
                return RestResponse.Errors(400, new ApiError("API_ERROR", "Aggregate queries are not supported by Bulk API 2.0"));
            }

            // Checks fields and the object now, as the org does at create.
            _state.Soql.Execute(soql + (parsed.Limit is null ? " LIMIT 0" : ""), version);
        }
        catch (SoqlException ex)
        {
            return RestResponse.Errors(400, new ApiError(ex.ErrorCode, ex.Message));
        }

        var now = _state.Time.GetUtcNow();
        var job = new BulkQueryJob
        {
            Id = SalesforceId.Create("750", 500_000 + ++_sequence),
            Object = _state.Schema.Find(parsed.From)!.Name,
            Query = soql,
            Operation = operation == "queryAll" ? "queryAll" : "query",
            LineEnding = body["lineEnding"]?.ToString() ?? "LF",
            ColumnDelimiter = body["columnDelimiter"]?.ToString() ?? "COMMA",
            ApiVersion = version,
            CreatedById = _state.UserId,
            CreatedDate = now,
            SystemModstamp = now,
        };
        job.Header = parsed.Select.Select(item => item.Field!.Text).ToArray();
        _jobs[job.Id] = job;
        return RestResponse.Json(200, Info(job));
    }

    private void Advance(BulkQueryJob job)
    {
        if (job.State is not (BulkJobState.UploadComplete or BulkJobState.InProgress))
        {
            return;
        }

        var now = _state.Time.GetUtcNow();
        job.State = BulkJobState.InProgress;
        if (now < job.CreatedDate + _state.Options.BulkProcessingTime)
        {
            return;
        }

        var result = _state.Soql.Execute(job.Query, job.ApiVersion, includeDeleted: job.Operation == "queryAll");
        job.Rows = result.Records.Select(r => job.Header.Select(h => Flatten(r, h)).ToArray()).ToArray();
        job.State = BulkJobState.JobComplete;
        job.SystemModstamp = now;
        job.TotalProcessingTimeMs = (long)_state.Options.BulkProcessingTime.TotalMilliseconds;
    }

    /// <summary>Reads <c>Account.Name</c> from a nested REST record; null for a missing parent or value.</summary>
    private static string? Flatten(JsonObject record, string path)
    {
        JsonNode? node = record;
        foreach (var segment in path.Split('.'))
        {
            node = (node as JsonObject)?.FirstOrDefault(p => string.Equals(p.Key, segment, StringComparison.OrdinalIgnoreCase)).Value;
        }

        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
            _ => node.ToJsonString(),
        };
    }

    private static RestResponse Results(BulkQueryJob job, RestRequest request)
    {
        if (job.State != BulkJobState.JobComplete)
        {
            return RestResponse.Errors(400, new ApiError("INVALIDJOBSTATE", $"InvalidJobState : Job {job.Id} is not complete"));
        }

        var offset = int.TryParse(request.QueryValue("locator"), NumberStyles.None, CultureInfo.InvariantCulture, out var locator) ? locator : 0;
        var max = int.TryParse(request.QueryValue("maxRecords"), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 50_000;
        var page = job.Rows.Skip(offset).Take(max).ToList();
        var delimiter = BulkCsv.DelimiterOf(job.ColumnDelimiter);
        var newLine = BulkCsv.NewLineOf(job.LineEnding);
        var sb = new StringBuilder();
        BulkCsv.AppendLine(sb, job.Header, delimiter, newLine);
        foreach (var row in page)
        {
            // A blank value is written empty and unquoted, so it reads back as null rather than "".
            sb.Append(string.Join(delimiter, row.Select(v => v is null ? "" : "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))).Append(newLine);
        }

        var next = offset + page.Count;
        return RestResponse.Csv(sb.ToString()) with
        {
            Headers = new Dictionary<string, string>
            {
                ["Sforce-Locator"] = next < job.Rows.Count ? next.ToString(CultureInfo.InvariantCulture) : "null",
                ["Sforce-NumberOfRecords"] = page.Count.ToString(CultureInfo.InvariantCulture),
            },
        };
    }

    private static RestResponse Abort(BulkQueryJob job, RestRequest request)
    {
        if ((request.Body as JsonObject)?["state"]?.ToString() != "Aborted" || job.State is not (BulkJobState.UploadComplete or BulkJobState.InProgress))
        {
            return RestResponse.Errors(400, new ApiError("INVALIDJOBSTATE", $"InvalidJobState : Invalid state transition from {job.State}"));
        }

        job.State = BulkJobState.Aborted;
        return RestResponse.Json(200, Info(job));
    }

    private RestResponse Delete(BulkQueryJob job)
    {
        if (job.State is BulkJobState.UploadComplete or BulkJobState.InProgress)
        {
            return RestResponse.Errors(400, new ApiError("INVALIDJOBSTATE", "InvalidJobState : Only a completed, failed or aborted job can be deleted"));
        }

        _jobs.Remove(job.Id);
        return RestResponse.NoContent();
    }

    private static JsonObject Info(BulkQueryJob job)
    {
        var info = new JsonObject
        {
            ["id"] = job.Id,
            ["operation"] = job.Operation,
            ["object"] = job.Object,
            ["createdById"] = job.CreatedById,
            ["createdDate"] = RecordJson.FormatDateTime(job.CreatedDate),
            ["systemModstamp"] = RecordJson.FormatDateTime(job.SystemModstamp),
            ["state"] = job.State.ToString(),
            ["concurrencyMode"] = "Parallel",
            ["contentType"] = "CSV",
            ["apiVersion"] = JsonNode.Parse(decimal.Parse(job.ApiVersion, CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture)),
            ["jobType"] = "V2Query",
            ["lineEnding"] = job.LineEnding,
            ["columnDelimiter"] = job.ColumnDelimiter,
            ["numberRecordsProcessed"] = job.Rows.Count,
            ["retries"] = 0,
            ["totalProcessingTime"] = job.TotalProcessingTimeMs,
        };
        if (job.ErrorMessage is not null)
        {
            info["errorMessage"] = job.ErrorMessage;
        }

        return info;
    }
}
