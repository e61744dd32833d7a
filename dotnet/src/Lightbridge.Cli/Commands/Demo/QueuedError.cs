namespace Lightbridge.Cli.Commands.Demo;

/// <summary>Records waiting in the replay queue with one error code.</summary>
/// <param name="Entity">The Lightspeed entity.</param>
/// <param name="Code">The error code (see the operator runbook).</param>
/// <param name="Count">Records queued with it.</param>
/// <param name="Example">One of their messages (no personal data: ids and rules only).</param>
internal sealed record QueuedError(string Entity, string Code, int Count, string Example);
