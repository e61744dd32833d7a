namespace Lightbridge.Sync.Mapping;

/// <summary>The parsed mapping file: per profile, the target objects in file order.</summary>
/// <param name="Profiles">The objects of each profile.</param>
internal sealed record MappingDocument(IReadOnlyDictionary<MappingProfile, IReadOnlyList<ObjectSpec>> Profiles);
