namespace Lightbridge.Bench;

/// <summary>The figures one scenario measured, with the parameters it ran with.</summary>
internal sealed record BenchResult(string Scenario, IReadOnlyDictionary<string, object> Parameters, IReadOnlyDictionary<string, double> Figures);
