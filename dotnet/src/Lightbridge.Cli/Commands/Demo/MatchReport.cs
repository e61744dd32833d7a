using Lightbridge.Sync.Pipelines.Customers;

namespace Lightbridge.Cli.Commands.Demo;

/// <summary>Customer matches per pass.</summary>
internal sealed record MatchReport(CustomerMatchCounts Full, CustomerMatchCounts Incremental, CustomerMatchCounts Total);
