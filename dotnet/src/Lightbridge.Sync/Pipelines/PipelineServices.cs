using Lightbridge.Core.Planning;
using Lightbridge.Sync.Sources;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Sync.Pipelines;

/// <summary>What every entity pipeline of one engine shares: the source, the Salesforce client, the state, the loader and the clock.</summary>
internal sealed record PipelineServices(
    ISourceReader Source,
    SalesforceClient Salesforce,
    StateStore State,
    RecordLoader Loader,
    CheckpointAdvancer Advancer,
    SyncOptions Options,
    TimeProvider Time,
    ILogger Logger)
{
    /// <summary>Set when the engine is asked to stop after the batch in hand.</summary>
    public StopSignal Stop { get; } = new();
}
