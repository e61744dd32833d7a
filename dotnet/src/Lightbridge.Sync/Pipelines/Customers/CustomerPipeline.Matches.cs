using Lightbridge.Core.Normalization;
using Lightbridge.State;

namespace Lightbridge.Sync.Pipelines.Customers;

/// <content>
/// Every kind of customer run returns its match counts with its result. The engine calls pipelines through
/// <see cref="IEntityPipeline"/>, so re-implementing it here wraps the shared run loop without changing it.
/// </content>
internal sealed partial class CustomerPipeline : IEntityPipeline
{
    Task<SyncRunResult> IEntityPipeline.RunAsync(AccountContext account, RunTrigger trigger, CancellationToken ct) =>
        CountingAsync(() => RunAsync(account, trigger, ct));

    Task<SyncRunResult> IEntityPipeline.SyncRecordsAsync(AccountContext account, IReadOnlyCollection<Core.Model.LightspeedId> ids, RunTrigger trigger, CancellationToken ct) =>
        CountingAsync(() => SyncRecordsAsync(account, ids, trigger, ct));

    Task<SyncRunResult> IEntityPipeline.SyncWindowAsync(
        AccountContext account, DateTimeOffset from, DateTimeOffset to, RunTrigger trigger, IProgress<BackfillProgress>? progress, CancellationToken ct) =>
        CountingAsync(() => SyncWindowAsync(account, from, to, trigger, progress, ct));

    private async Task<SyncRunResult> CountingAsync(Func<Task<SyncRunResult>> run)
    {
        _matches.Reset();
        var result = await run().ConfigureAwait(false);
        return result with { Matches = _matches.Snapshot() };
    }
}
