using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lightbridge.Core.Identity;
using Lightbridge.Salesforce.Bulk;

namespace Lightbridge.Salesforce.DryRun;

/// <summary>
/// The write seam of <c>--dry-run</c>: sits under the Salesforce client and answers every write (sObject, Collections,
/// Composite, Bulk API 2.0 ingest jobs) itself, as Salesforce would answer a success, recording what would have been
/// written in a <see cref="DryRunLedger"/>. Reads (queries, describe, limits) and token requests go to the org, so the
/// run decides from the org's real data; nothing reaches it that would change it. New records get made-up ids
/// (<c>…DRYRUN…</c>, with a valid checksum) that exist nowhere but in the dry run's throwaway state.
/// </summary>
/// <remarks>
/// Bulk jobs are kept here: the uploaded CSV is answered back as the job's successful results (<c>sf__Id</c>,
/// <c>sf__Created</c>, the original columns), so the client joins them as it would a real job's.
/// </remarks>
public sealed class DryRunHandler : DelegatingHandler
{
    private const string DataRoot = "/services/data/";

    private readonly DryRunLedger _ledger;
    private readonly ConcurrentDictionary<string, FakeJob> _jobs = new(StringComparer.OrdinalIgnoreCase);
    private long _ids;

    /// <summary>Creates the handler over <paramref name="inner"/>, recording into <paramref name="ledger"/>.</summary>
    public DryRunHandler(HttpMessageHandler inner, DryRunLedger ledger)
        : base(inner)
    {
        _ledger = ledger;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        var dataAt = path.IndexOf(DataRoot, StringComparison.Ordinal);
        if (dataAt < 0)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // services/data/vNN.N/{rest}
        var rest = path[(dataAt + DataRoot.Length)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        rest = slash < 0 ? string.Empty : rest[(slash + 1)..];
        var isJob = rest.StartsWith("jobs/ingest", StringComparison.Ordinal);
        if (request.Method == HttpMethod.Get && !isJob)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (rest == "composite" && request.Method == HttpMethod.Post && OnlyReads(body))
        {
            // Queries batched into one call (or one too long for a URI) are reads: the org answers them. Reading the
            // body above buffered it, so the request goes on as it came.
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var query = request.RequestUri?.Query ?? string.Empty;
        var (status, reply, contentType) = isJob ? Job(request.Method, rest, body) : Answer(request.Method, rest, query, body);
        var response = new HttpResponseMessage(status) { RequestMessage = request };
        if (reply is not null)
        {
            response.Content = new StringContent(reply, Encoding.UTF8, contentType);
        }

        return response;
    }

    /// <summary>A REST write: sObject, Collections or Composite.</summary>
    private (HttpStatusCode, string?, string) Answer(HttpMethod method, string rest, string query, string body)
    {
        var json = JsonSerializer.Serialize(Reply(method.Method, rest, query, body, out var status));
        return (status, status == HttpStatusCode.NoContent ? null : json, "application/json");
    }

    private JsonNode? Reply(string method, string rest, string query, string body, out HttpStatusCode status)
    {
        var parts = rest.Split('?')[0].Trim('/').Split('/');
        status = HttpStatusCode.OK;
        switch (parts)
        {
            case ["composite"] when method == "POST":
                return Composite(body);
            case ["composite", "sobjects"] when method == "DELETE":
                var ids = Query(query, "ids").Split(',', StringSplitOptions.RemoveEmptyEntries);
                foreach (var prefix in ids.GroupBy(i => i.Length >= 3 ? i[..3] : i))
                {
                    _ledger.Add($"(ids {prefix.Key}…)", "delete", prefix.Count());
                }

                return new JsonArray(ids.Select(id => (JsonNode)Result(id, created: null)).ToArray());
            case ["composite", "sobjects", ..]:
                var records = JsonNode.Parse(body)?["records"]?.AsArray() ?? [];
                var sObject = parts.Length > 2 ? parts[2] : null;
                var operation = method switch { "POST" => "insert", "PATCH" when parts.Length > 2 => "upsert", _ => "update" };
                var results = new JsonArray();
                foreach (var record in records)
                {
                    var type = record?["attributes"]?["type"]?.GetValue<string>() ?? sObject ?? "(unknown)";
                    _ledger.Add(type, operation, 1);
                    var id = operation == "update" ? record?["Id"]?.GetValue<string>() ?? NewId(type) : NewId(type);
                    results.Add(Result(id, operation == "update" ? null : true));
                }

                return results;
            case ["sobjects", var single] when method == "POST":
                _ledger.Add(single, single.EndsWith("__e", StringComparison.Ordinal) ? "publish" : "insert", 1);
                status = HttpStatusCode.Created;
                return Result(NewId(single), created: null);
            case ["sobjects", var obj, _] when method is "PATCH" or "DELETE":
                _ledger.Add(obj, method == "PATCH" ? "update" : "delete", 1);
                status = HttpStatusCode.NoContent;
                return null;
            case ["sobjects", var obj, _, _] when method == "PATCH":
                _ledger.Add(obj, "upsert", 1);
                status = HttpStatusCode.Created;
                return Result(NewId(obj), created: true);
            default:
                status = HttpStatusCode.NotFound;
                return new JsonArray(new JsonObject { ["errorCode"] = "NOT_FOUND", ["message"] = $"The dry run does not know {method} {rest}." });
        }
    }

    /// <summary>Whether every subrequest of a Composite body is a GET.</summary>
    private static bool OnlyReads(string body)
    {
        try
        {
            var subrequests = JsonNode.Parse(body)?["compositeRequest"]?.AsArray();
            return subrequests is { Count: > 0 }
                && subrequests.All(sub => string.Equals(sub?["method"]?.GetValue<string>(), "GET", StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A Composite call: each subrequest answered like the call it names.</summary>
    private JsonObject Composite(string body)
    {
        var responses = new JsonArray();
        foreach (var sub in JsonNode.Parse(body)?["compositeRequest"]?.AsArray() ?? [])
        {
            var url = sub?["url"]?.GetValue<string>() ?? string.Empty;
            var at = url.IndexOf(DataRoot, StringComparison.Ordinal);
            var rest = at < 0 ? url : url[(at + DataRoot.Length)..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            rest = at < 0 || slash < 0 ? rest : rest[(slash + 1)..];
            var queryAt = rest.IndexOf('?', StringComparison.Ordinal);
            var query = queryAt < 0 ? string.Empty : rest[queryAt..];
            var reply = Reply(sub?["method"]?.GetValue<string>() ?? "GET", rest, query, sub?["body"]?.ToJsonString() ?? "{}", out var status);
            responses.Add(new JsonObject
            {
                ["body"] = reply,
                ["httpHeaders"] = new JsonObject(),
                ["httpStatusCode"] = (int)status,
                ["referenceId"] = sub?["referenceId"]?.GetValue<string>(),
            });
        }

        return new JsonObject { ["compositeResponse"] = responses };
    }

    /// <summary>A Bulk API 2.0 ingest call, against the jobs kept here.</summary>
    private (HttpStatusCode, string?, string) Job(HttpMethod method, string rest, string body)
    {
        var parts = rest.Trim('/').Split('/');
        if (parts.Length == 2 && method == HttpMethod.Post)
        {
            var spec = JsonNode.Parse(body)!;
            var job = new FakeJob(
                NewJobId(),
                spec["object"]?.GetValue<string>() ?? "(unknown)",
                spec["operation"]?.GetValue<string>() ?? "insert",
                BulkDelimiter(spec["columnDelimiter"]?.GetValue<string>()));
            _jobs[job.Id] = job;
            return (HttpStatusCode.OK, job.Info("Open"), "application/json");
        }

        if (parts.Length < 3 || !_jobs.TryGetValue(parts[2], out var found))
        {
            return (HttpStatusCode.NotFound, """[{"errorCode":"NOT_FOUND","message":"No such job in this dry run."}]""", "application/json");
        }

        switch (parts.Length, method.Method)
        {
            case (4, "PUT") when parts[3] == "batches":
                found.Upload.Append(body);
                return (HttpStatusCode.Created, null, "text/plain");
            case (3, "PATCH"):
                var state = JsonNode.Parse(body)?["state"]?.GetValue<string>() ?? "UploadComplete";
                if (state == "UploadComplete")
                {
                    found.Complete(_ledger, NewId);
                }

                return (HttpStatusCode.OK, found.Info(state), "application/json");
            case (3, "GET"):
                return (HttpStatusCode.OK, found.Info(found.Done ? "JobComplete" : "Open"), "application/json");
            case (3, "DELETE"):
                _jobs.TryRemove(found.Id, out _);
                return (HttpStatusCode.NoContent, null, "text/plain");
            case (4, "GET"):
                return (HttpStatusCode.OK, parts[3] switch
                {
                    "successfulResults" => found.Successful,
                    "failedResults" => found.Header("sf__Id", "sf__Error"),
                    _ => found.Header(),
                }, "text/csv");
            default:
                return (HttpStatusCode.NotFound, """[{"errorCode":"NOT_FOUND","message":"Not a Bulk call the dry run knows."}]""", "application/json");
        }
    }

    private static JsonObject Result(string id, bool? created)
    {
        var result = new JsonObject { ["id"] = id, ["success"] = true, ["errors"] = new JsonArray() };
        if (created is { } value)
        {
            result["created"] = value;
        }

        return result;
    }

    /// <summary>A made-up 18-character id with a valid checksum: key prefix, <c>DRYRUN</c>, a counter.</summary>
    private string NewId(string sObject)
    {
        var prefix = sObject.Length >= 3 ? "a0D" : "000";
        var id15 = prefix + "DRYRUN" + Interlocked.Increment(ref _ids).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        return id15 + SalesforceId.Checksum(id15);
    }

    private string NewJobId()
    {
        var id15 = "750DRYRUN" + Interlocked.Increment(ref _ids).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        return id15 + SalesforceId.Checksum(id15);
    }

    private static string Query(string query, string name)
    {
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && pair[..eq] == name)
            {
                return Uri.UnescapeDataString(pair[(eq + 1)..]);
            }
        }

        return string.Empty;
    }

    private static char BulkDelimiter(string? wire) => wire switch
    {
        "TAB" => '\t',
        "PIPE" => '|',
        "SEMICOLON" => ';',
        "CARET" => '^',
        "BACKQUOTE" => '`',
        _ => ',',
    };

    /// <summary>One ingest job of the dry run: what was uploaded, and its results once complete.</summary>
    private sealed class FakeJob(string id, string sObject, string operation, char delimiter)
    {
        private List<string>? _columns;

        public string Id { get; } = id;

        public StringBuilder Upload { get; } = new();

        public bool Done { get; private set; }

        public string Successful { get; private set; } = string.Empty;

        private long Processed { get; set; }

        public string Info(string state) => new JsonObject
        {
            ["id"] = Id,
            ["object"] = sObject,
            ["operation"] = operation,
            ["state"] = state,
            ["numberRecordsProcessed"] = Processed,
            ["numberRecordsFailed"] = 0,
        }.ToJsonString();

        /// <summary>Parses the upload and answers every row as a success with a made-up id.</summary>
        public void Complete(DryRunLedger ledger, Func<string, string> newId)
        {
            var output = new StringBuilder();
            var parser = new BulkCsvRecordParser(delimiter);
            void OnRecord(List<string> record)
            {
                if (_columns is null)
                {
                    _columns = [.. record];
                    output.Append(Header("sf__Id", "sf__Created"));
                    return;
                }

                var idAt = _columns.IndexOf("Id");
                var id = operation is "update" or "delete" && idAt >= 0 ? record[idAt] : newId(sObject);
                Write(output, [id, operation is "update" or "delete" ? "false" : "true", .. record]);
                Processed++;
            }

            parser.Feed(Upload.ToString(), OnRecord);
            parser.Finish(OnRecord);
            Successful = output.ToString();
            ledger.Add(sObject, operation == "upsert" ? "upsert" : operation, Processed);
            Done = true;
        }

        public string Header(params string[] leading)
        {
            var output = new StringBuilder();
            Write(output, [.. leading, .. _columns ?? []]);
            return output.ToString();
        }

        private void Write(StringBuilder output, IReadOnlyList<string> cells)
        {
            for (var i = 0; i < cells.Count; i++)
            {
                if (i > 0)
                {
                    output.Append(delimiter);
                }

                output.Append('"').Append(cells[i].Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }

            output.Append('\n');
        }
    }
}
