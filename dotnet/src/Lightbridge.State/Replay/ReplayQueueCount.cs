namespace Lightbridge.State;

/// <summary>How many pending replay items share one entity and error code (for <c>status</c>).</summary>
public sealed record ReplayQueueCount(string Entity, string ErrorCode, int Count);
