using Lightbridge.Core.Planning;

namespace Lightbridge.Sync.Pipelines;

/// <summary>The counters of one entity run, filled as batches go by.</summary>
internal sealed class RunTally
{
    public int Read { get; set; }

    public int Skipped { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Failed { get; set; }

    public int Held { get; set; }

    public List<LoadPath> LoadPaths { get; } = [];

    public DateTimeOffset? Watermark { get; set; }

    /// <summary>The change-version cursor as committed so far (X-Series); null where the source has none.</summary>
    public long? Version { get; set; }

    public bool CheckpointAdvanced { get; set; }
}
