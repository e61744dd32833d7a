using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Lightbridge.Metadata.Tests.Model;

/// <summary>One file under force-app/, parsed when it is XML.</summary>
internal sealed class MetadataFile
{
    public static readonly XNamespace Ns = "http://soap.sforce.com/2006/04/metadata";

    private MetadataFile(string relativePath, MetadataKind? kind, XDocument? document, string? parseError)
    {
        RelativePath = relativePath;
        Kind = kind;
        Document = document;
        ParseError = parseError;
        var match = kind?.Placement.Match(relativePath);
        Placed = match is { Success: true } ? match : null;
    }

    /// <summary>Path relative to force-app/, with forward slashes.</summary>
    public string RelativePath { get; }

    public MetadataKind? Kind { get; }

    public XDocument? Document { get; }

    public string? ParseError { get; }

    /// <summary>The placement match when the file sits where its kind requires, else null.</summary>
    public Match? Placed { get; }

    /// <summary>Component name from the path (the field, list view, record...).</summary>
    public string? ComponentName => Placed?.Groups["name"].Value;

    /// <summary>Owning object (or custom metadata type without __mdt) from the path, when the kind has one.</summary>
    public string? OwnerName => Placed is { } m && m.Groups["obj"].Success ? m.Groups["obj"].Value : null;

    public XElement? Root => Document?.Root;

    public static MetadataFile Load(string forceAppDir, string fullPath)
    {
        var relative = Path.GetRelativePath(forceAppDir, fullPath).Replace('\\', '/');
        var kind = MetadataKinds.BySuffix(relative);
        if (!relative.EndsWith(".xml", StringComparison.Ordinal))
        {
            return new MetadataFile(relative, kind, null, null);
        }

        try
        {
            return new MetadataFile(relative, kind, XDocument.Load(fullPath, LoadOptions.SetLineInfo), null);
        }
        catch (XmlException ex)
        {
            return new MetadataFile(relative, kind, null, ex.Message);
        }
    }

    /// <summary>Value of a direct child element in the metadata namespace, or null.</summary>
    public string? Value(string child) => Root?.Element(Ns + child)?.Value;

    public IEnumerable<XElement> Elements(string child) => Root?.Elements(Ns + child) ?? [];
}
