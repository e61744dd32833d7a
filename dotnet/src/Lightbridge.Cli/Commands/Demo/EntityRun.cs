namespace Lightbridge.Cli.Commands.Demo;

/// <summary>One run of one entity, as the engine returned it, and how long it took (from the run log).</summary>
internal sealed record EntityRun(
    string Entity, string Status, int Read, int Skipped, int Created, int Updated, int Failed, int LightspeedRequests, int SalesforceCalls, double Seconds);
