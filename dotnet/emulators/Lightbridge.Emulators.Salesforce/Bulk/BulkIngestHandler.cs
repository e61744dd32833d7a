using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Hosting;
using Lightbridge.Emulators.Salesforce.Rest;
using Lightbridge.Emulators.Salesforce.Validation;

namespace Lightbridge.Emulators.Salesforce.Bulk;

/// <summary>
/// <c>/jobs/ingest</c> (reference section 1.1 to 1.5): create, upload (PUT, 201 with no body, only while Open), close or
/// abort (PATCH), poll, list, delete and the three result files. A closed job is InProgress for
/// <see cref="SalesforceEmulatorOptions.BulkProcessingTime"/> on the injected clock and is processed when first read
/// after that, so no background thread runs and tests control time exactly.
/// </summary>
internal sealed class BulkIngestHandler
{
    private static readonly string[] LineEndings = ["LF", "CRLF"];
    private static readonly string[] Delimiters = ["COMMA", "BACKQUOTE", "CARET", "PIPE", "SEMICOLON", "TAB"];

    private readonly EmulatorState _state;
    private readonly BulkProcessor _processor;
    private readonly Random _shuffle;

    public BulkIngestHandler(EmulatorState state)
    {
        _state = state;
        _processor = new BulkProcessor(state.Store, state.Dml);
        _shuffle = new Random(state.Options.FaultSeed);
    }

    public RestResponse Handle(RestRequest request)
    {
        var s = request.Segments;
        var version = s[0][1..];
        if (s.Count == 3)
        {
            return request.Method switch
            {
                "POST" => Create(request, version),
                "GET" => List(),
                _ => RestRouter.MethodNotAllowed(request.Method),
            };
        }

        var job = _state.BulkJobs.Find(s[3]);
        if (job is null)
        {
            return RestResponse.NotFound();
        }

        Advance(job);
        return (s.Count, request.Method) switch
        {
            (4, "GET") => RestResponse.Json(200, Info(job)),
            (4, "PATCH") => ChangeState(job, request),
            (4, "DELETE") => Delete(job),
            (5, "PUT") when s[4] == "batches" => Upload(job, request),
            (5, "GET") when s[4] == "successfulResults" => Results(job, successes: true),
            (5, "GET") when s[4] == "failedResults" => Results(job, successes: false),
            (5, "GET") when s[4] == "unprocessedrecords" => Unprocessed(job),
            _ => RestResponse.NotFound(),
        };
    }

    private RestResponse Create(RestRequest request, string version)
    {
        var body = request.Body as JsonObject ?? [];
        var objectName = body["object"]?.ToString();
        var definition = objectName is null ? null : _state.Schema.Find(objectName);
        if (definition is null)
        {
            return RestResponse.Errors(400, new ApiError("INVALIDENTITY", $"Entity '{objectName}' is not supported by the Bulk API."));
        }

        if (!Enum.TryParse<BulkOperation>(body["operation"]?.ToString(), ignoreCase: true, out var operation))
        {
            return RestResponse.Errors(400, new ApiError("INVALIDJOB", $"InvalidJob : Invalid operation: {body["operation"]}"));
        }

        var externalId = body["externalIdFieldName"]?.ToString();
        if (operation == BulkOperation.Upsert && (externalId is null || definition.FindField(externalId) is not { } key || !(key.ExternalId || key.Name == "Id")))
        {
            return RestResponse.Errors(400, new ApiError("INVALIDJOB", $"InvalidJob : Field name provided, {externalId} is not an External ID or indexed field for {definition.Name}"));
        }

        var lineEnding = body["lineEnding"]?.ToString() ?? "LF";
        var delimiter = body["columnDelimiter"]?.ToString() ?? "COMMA";
        if (!LineEndings.Contains(lineEnding) || !Delimiters.Contains(delimiter))
        {
            return RestResponse.Errors(400, new ApiError("INVALIDJOB", "InvalidJob : Invalid lineEnding or columnDelimiter"));
        }

        var now = _state.Time.GetUtcNow();
        var job = new BulkJob
        {
            Id = _state.BulkJobs.NextId(),
            Object = definition.Name,
            Operation = operation,
            ExternalIdFieldName = operation == BulkOperation.Upsert ? definition.FindField(externalId!)!.Name : null,
            LineEnding = lineEnding,
            ColumnDelimiter = delimiter,
            ApiVersion = version,
            CreatedById = _state.UserId,
            CreatedDate = now,
            SystemModstamp = now,
        };
        _state.BulkJobs.Add(job);
        return RestResponse.Json(200, Info(job));
    }

    private RestResponse Upload(BulkJob job, RestRequest request)
    {
        if (job.State != BulkJobState.Open)
        {
            return RestResponse.Errors(409, new ApiError("INVALIDJOBSTATE", $"Job {job.Id} is not Open; data can only be uploaded to an Open job"));
        }

        var text = request.RawBody ?? "";
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (job.UploadedBytes + bytes > _state.Options.BulkUploadLimitBytes)
        {
            return RestResponse.Errors(400, new ApiError("INVALIDBATCH", $"InvalidBatch : The upload exceeds the maximum of {_state.Options.BulkUploadLimitBytes} bytes"));
        }

        job.UploadedBytes += bytes;
        job.Data.Append(text);
        return new RestResponse(201, null);
    }

    private RestResponse ChangeState(BulkJob job, RestRequest request)
    {
        var target = (request.Body as JsonObject)?["state"]?.ToString();
        var now = _state.Time.GetUtcNow();
        if (target == nameof(BulkJobState.UploadComplete) && job.State == BulkJobState.Open)
        {
            job.State = BulkJobState.UploadComplete;
            job.UploadCompleteAt = now;
        }
        else if (target == nameof(BulkJobState.Aborted) && job.State is BulkJobState.Open or BulkJobState.UploadComplete)
        {
            job.State = BulkJobState.Aborted;
            var (rows, _) = BulkCsv.Parse(job.Data.ToString(), job.Delimiter, job.LineEnding);
            job.Unprocessed.AddRange(rows?.Skip(1) ?? []);
            job.Header = rows?.FirstOrDefault() ?? [];
        }
        else
        {
            return RestResponse.Errors(400, new ApiError("INVALIDJOBSTATE", $"InvalidJobState : Invalid state transition from {job.State} to {target}"));
        }

        job.SystemModstamp = now;
        return RestResponse.Json(200, Info(job));
    }

    private RestResponse Delete(BulkJob job)
    {
        if (!job.IsTerminal)
        {
            return RestResponse.Errors(400, new ApiError("INVALIDJOBSTATE", "InvalidJobState : Only a completed, failed or aborted job can be deleted"));
        }

        _state.BulkJobs.Remove(job.Id);
        return RestResponse.NoContent();
    }

    private RestResponse List()
    {
        foreach (var job in _state.BulkJobs.Jobs)
        {
            Advance(job);
        }

        return RestResponse.Json(200, new JsonObject
        {
            ["done"] = true,
            ["records"] = new JsonArray(_state.BulkJobs.Jobs.Select(j => (JsonNode?)Info(j)).ToArray()),
            ["nextRecordsUrl"] = null,
        });
    }

    /// <summary>UploadComplete becomes InProgress at once; after the processing time the rows run and the job ends.</summary>
    private void Advance(BulkJob job)
    {
        if (job.State is not (BulkJobState.UploadComplete or BulkJobState.InProgress))
        {
            return;
        }

        var now = _state.Time.GetUtcNow();
        job.State = BulkJobState.InProgress;
        if (now < job.UploadCompleteAt!.Value + _state.Options.BulkProcessingTime)
        {
            return;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var error = _processor.Process(job, batches => _state.BulkJobs.TryUseBatches(batches, _state.Options.DailyBulkBatches, today));
        job.State = error is null ? BulkJobState.JobComplete : BulkJobState.Failed;
        job.ErrorMessage = error;
        job.TotalProcessingTimeMs = (long)_state.Options.BulkProcessingTime.TotalMilliseconds;
        job.SystemModstamp = now;
        if (_state.Options.ShuffleBulkResults)
        {
            // Result order is not input order in a real org (reference section 1.5); shuffling catches positional joins.
            Shuffle(job.Successes);
            Shuffle(job.Failures);
        }
    }

    private void Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _shuffle.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static RestResponse Results(BulkJob job, bool successes)
    {
        var sb = new StringBuilder();
        if (successes)
        {
            BulkCsv.AppendLine(sb, ["sf__Id", "sf__Created", .. job.Header], job.Delimiter, job.NewLine);
            foreach (var (id, created, row) in job.Successes)
            {
                BulkCsv.AppendLine(sb, [id ?? "", created ? "true" : "false", .. row], job.Delimiter, job.NewLine);
            }
        }
        else
        {
            BulkCsv.AppendLine(sb, ["sf__Id", "sf__Error", .. job.Header], job.Delimiter, job.NewLine);
            foreach (var (id, error, row) in job.Failures)
            {
                BulkCsv.AppendLine(sb, [id ?? "", error, .. row], job.Delimiter, job.NewLine);
            }
        }

        return RestResponse.Csv(sb.ToString());
    }

    private static RestResponse Unprocessed(BulkJob job)
    {
        var sb = new StringBuilder();
        if (job.Header.Count > 0)
        {
            BulkCsv.AppendLine(sb, job.Header, job.Delimiter, job.NewLine);
        }

        foreach (var row in job.Unprocessed)
        {
            BulkCsv.AppendLine(sb, row, job.Delimiter, job.NewLine);
        }

        return RestResponse.Csv(sb.ToString());
    }

    private static JsonObject Info(BulkJob job)
    {
        var info = new JsonObject
        {
            ["id"] = job.Id,
            ["operation"] = char.ToLowerInvariant(job.Operation.ToString()[0]) + job.Operation.ToString()[1..],
            ["object"] = job.Object,
            ["createdById"] = job.CreatedById,
            ["createdDate"] = RecordJson.FormatDateTime(job.CreatedDate),
            ["systemModstamp"] = RecordJson.FormatDateTime(job.SystemModstamp),
            ["state"] = job.State.ToString(),
        };
        if (job.ExternalIdFieldName is not null)
        {
            info["externalIdFieldName"] = job.ExternalIdFieldName;
        }

        info["concurrencyMode"] = "Parallel";
        info["contentType"] = "CSV";
        info["apiVersion"] = JsonNode.Parse(decimal.Parse(job.ApiVersion, CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture));
        info["jobType"] = "V2Ingest";
        if (job.State == BulkJobState.Open)
        {
            // No leading slash, as the org writes it (reference section 1.2).
            info["contentUrl"] = $"services/data/v{job.ApiVersion}/jobs/ingest/{job.Id}/batches";
        }

        info["lineEnding"] = job.LineEnding;
        info["columnDelimiter"] = job.ColumnDelimiter;
        info["numberRecordsProcessed"] = job.NumberRecordsProcessed;
        info["numberRecordsFailed"] = job.NumberRecordsFailed;
        info["retries"] = 0;
        info["totalProcessingTime"] = job.TotalProcessingTimeMs;
        info["apiActiveProcessingTime"] = job.TotalProcessingTimeMs;
        info["apexProcessingTime"] = 0;
        if (job.ErrorMessage is not null)
        {
            info["errorMessage"] = job.ErrorMessage;
        }

        return info;
    }
}
