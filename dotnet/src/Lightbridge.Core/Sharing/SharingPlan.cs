namespace Lightbridge.Core.Sharing;

/// <summary>What one run of the generator changes: the files to write and the stores that are new to the folder.</summary>
/// <param name="Writes">Files to create or extend; every other file of the folder stays as it is.</param>
/// <param name="NewStores">Stores that got a group or a rule in this run, by code.</param>
/// <param name="KnownStores">Stores the folder already covered completely.</param>
public sealed record SharingPlan(IReadOnlyList<SharingFile> Writes, IReadOnlyList<SharedStore> NewStores, IReadOnlyList<SharedStore> KnownStores);
