namespace Lightbridge.Emulators.XSeries.Data;

/// <summary>What to generate: the seed and the number of each kind of record.</summary>
internal sealed record GeneratorSize(int Seed, int Outlets, int RegistersPerOutlet, int Customers, int Products, int Sales, int HistoryDays);
