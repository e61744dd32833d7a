namespace Lightbridge.State;

/// <summary>The LiteDB collection names: part of the file format, so never renamed.</summary>
internal static class CollectionNames
{
    public const string Checkpoints = "checkpoints";
    public const string ReplayQueue = "replay_queue";
    public const string Identities = "identities";
    public const string IdentityHighWater = "identity_high_water";
    public const string SyncedRecords = "synced_records";
    public const string Runs = "runs";
    public const string ApiUsage = "api_usage";
    public const string EventReplayIds = "event_replay_ids";
    public const string ResyncJobs = "resync_jobs";
    public const string Tokens = "tokens";
    public const string RollupBacklog = "rollup_backlog";
}
