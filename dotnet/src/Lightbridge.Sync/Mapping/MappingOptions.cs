namespace Lightbridge.Sync.Mapping;

/// <summary>
/// Configuration section <c>Mapping</c>: the profile, and per-field overrides of the shipped default mapping.
/// </summary>
/// <remarks>
/// An override is a Scriban expression over the canonical record, e.g.
/// <c>Mapping:Overrides:Contact:Description = "'Lightspeed customer ' + customer.id"</c>, or a text template when it
/// holds <c>{{</c>, e.g. <c>"Lightspeed customer {{ customer.id }}"</c>. An empty value stops the field being written.
/// Every override is compiled at start; a template that does not parse, or a field the object does not have, stops the
/// program with the setting's name (<see cref="MappingConfigurationException"/>).
/// </remarks>
public sealed class MappingOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Mapping";

    /// <summary>The objects sales land in. The default is <see cref="MappingProfile.CustomObjects"/>.</summary>
    public MappingProfile Profile { get; set; } = MappingProfile.CustomObjects;

    /// <summary>Object API name → field API name → Scriban expression or template. Empty by default.</summary>
    public Dictionary<string, Dictionary<string, string?>> Overrides { get; } = new(StringComparer.OrdinalIgnoreCase);
}
