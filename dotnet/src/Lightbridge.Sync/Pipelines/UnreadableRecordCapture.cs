using System.Text.Json.Nodes;
using Lightbridge.Core.Model;
using Lightbridge.Lightspeed;
using Lightbridge.State;
using Lightbridge.Sync.Sources;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// For the length of one run, turns the records the Lightspeed client cannot read into replay-queue items of that run
/// (code <see cref="ErrorCode"/>, the reader's message, a masked snapshot of the JSON), so one malformed record costs
/// that record and not the page, the run, and every later run at the same checkpoint.
/// </summary>
internal sealed class UnreadableRecordCapture : IDisposable
{
    /// <summary>The replay-queue code of a record that could not be read.</summary>
    public const string ErrorCode = "RecordUnreadable";

    private readonly ISourceReader _client;
    private readonly Action<UnreadableRecord>? _previous;

    private UnreadableRecordCapture(ISourceReader client, Action<UnreadableRecord> handler)
    {
        _client = client;
        _previous = client.UnreadableRecordHandler;
        client.UnreadableRecordHandler = handler;
    }

    /// <summary>Starts capturing for a run; <paramref name="ids"/> receives the ids queued, which are not "missing".</summary>
    public static UnreadableRecordCapture Start(PipelineServices services, string entity, string accountId, string runId, RunTally tally, ISet<LightspeedId> ids) =>
        new(services.Source, record =>
        {
            // A record without a readable id is still queued, under a placeholder, so an operator sees it.
            var id = new LightspeedId(string.IsNullOrWhiteSpace(record.Id) ? "unknown" : record.Id.Trim());
            var queuedAs = record.Entity == entity || record.Entity.Length == 0 ? entity : record.Entity;
            services.State.ReplayQueue.Record(new ReplayFailure(
                accountId, queuedAs, id, ErrorCode, $"{record.Entity} {id.Value} could not be read: {record.Problem}", null, Snapshot(record.RawJson), runId));
            Log.RecordQueued(services.Logger, queuedAs, id.Value, ErrorCode);
            ids.Add(id);
            tally.Failed++;
        });

    /// <summary>Puts back whatever handler was there before.</summary>
    public void Dispose() => _client.UnreadableRecordHandler = _previous;

    private static string? Snapshot(string rawJson)
    {
        try
        {
            return PayloadSnapshot.Of(JsonNode.Parse(rawJson));
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
