namespace Lightbridge.Emulators.XSeries;

/// <summary>What a mutation changed: the record's id and the global version it now carries.</summary>
public sealed record XSeriesChange(string Id, long Version);
