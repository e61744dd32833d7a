using Lightbridge.State;

namespace Lightbridge.Cli.Worker;

/// <summary>Carries out one resync job; throws when it could not (the job is then marked failed with the reason).</summary>
internal interface IResyncExecutor
{
    /// <summary>Resyncs what <paramref name="job"/> asks for.</summary>
    Task ExecuteAsync(ResyncJob job, CancellationToken ct);
}
