using System.Text.RegularExpressions;

namespace Lightbridge.Metadata.Tests.Model;

/// <summary>
/// One SFDX source-format metadata type: the file suffix that identifies it, the root element its
/// XML must have, and where under force-app/ its files must sit (shared/reference/salesforce-api.md §4.2).
/// </summary>
/// <param name="TypeName">Metadata API type, which is also the XML root element (CustomField).</param>
/// <param name="Suffix">File suffix (.field-meta.xml).</param>
/// <param name="Placement">Pattern the path relative to force-app/ must match; group "name" is the component name.</param>
internal sealed record MetadataKind(string TypeName, string Suffix, Regex Placement);
