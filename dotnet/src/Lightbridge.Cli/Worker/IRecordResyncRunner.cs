using Lightbridge.Core.Failures;
using Lightbridge.Core.Model;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Cli.Worker;

/// <summary>Runs exactly what a resync request names, in the same lane as every other run.</summary>
internal interface IRecordResyncRunner
{
    /// <summary>
    /// Resyncs the records <paramref name="ids"/> of <paramref name="entity"/> read by id, or the changes in
    /// [<paramref name="from"/>, <paramref name="to"/>), waiting for any run in progress to end first.
    /// </summary>
    Task<SyncRunResult> ResyncAsync(SyncEntity entity, IReadOnlyCollection<LightspeedId>? ids, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct);
}
