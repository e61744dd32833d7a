using System.Text.RegularExpressions;

namespace Lightbridge.Metadata.Tests.Model;

/// <summary>
/// The metadata types this package uses, by suffix. Paths follow the SFDX source layout: decomposed
/// children of an object sit in objects/&lt;Object&gt;/&lt;childFolder&gt;/ (shared/reference/salesforce-api.md §4.2).
/// </summary>
internal static class MetadataKinds
{
    private const string Api = @"[A-Za-z][A-Za-z0-9_]*";

    public static readonly MetadataKind CustomObject = Make("CustomObject", ".object-meta.xml", @"objects/(?<obj>{A})/(?<name>\k<obj>)");
    public static readonly MetadataKind CustomField = Make("CustomField", ".field-meta.xml", @"objects/(?<obj>{A})/fields/(?<name>{A})");
    public static readonly MetadataKind ListView = Make("ListView", ".listView-meta.xml", @"objects/(?<obj>{A})/listViews/(?<name>{A})");
    public static readonly MetadataKind ValidationRule = Make("ValidationRule", ".validationRule-meta.xml", @"objects/(?<obj>{A})/validationRules/(?<name>{A})");
    public static readonly MetadataKind CompactLayout = Make("CompactLayout", ".compactLayout-meta.xml", @"objects/(?<obj>{A})/compactLayouts/(?<name>{A})");
    public static readonly MetadataKind PermissionSet = Make("PermissionSet", ".permissionset-meta.xml", @"permissionsets/(?<name>{A})");
    public static readonly MetadataKind CustomMetadata = Make("CustomMetadata", ".md-meta.xml", @"customMetadata/(?<obj>{A})\.(?<name>{A})");
    public static readonly MetadataKind Flow = Make("Flow", ".flow-meta.xml", @"flows/(?<name>{A})");
    public static readonly MetadataKind QuickAction = Make("QuickAction", ".quickAction-meta.xml", @"quickActions/(?<obj>{A})\.(?<name>{A})");
    public static readonly MetadataKind CustomTab = Make("CustomTab", ".tab-meta.xml", @"tabs/(?<name>{A})");
    public static readonly MetadataKind Layout = Make("Layout", ".layout-meta.xml", @"layouts/(?<obj>{A})-(?<name>[A-Za-z0-9_ ]+)");

    // Not in force-app/: the store-level sharing folder that `lightbridge sharing generate` writes, deployed beside it.
    public static readonly MetadataKind Group = Make("Group", ".group-meta.xml", @"groups/(?<name>{A})");
    public static readonly MetadataKind SharingRules = Make("SharingRules", ".sharingRules-meta.xml", @"sharingRules/(?<name>{A})");

    public static readonly IReadOnlyList<MetadataKind> All =
    [
        CustomObject, CustomField, ListView, ValidationRule, CompactLayout, PermissionSet,
        CustomMetadata, Flow, QuickAction, CustomTab, Layout, Group, SharingRules,
    ];

    /// <summary>The kind whose suffix the file name ends with, or null for an unknown suffix.</summary>
    public static MetadataKind? BySuffix(string relativePath) =>
        All.FirstOrDefault(k => relativePath.EndsWith(k.Suffix, StringComparison.Ordinal));

    private static MetadataKind Make(string type, string suffix, string pattern) =>
        new(type, suffix, new Regex(
            "^main/default/" + pattern.Replace("{A}", Api, StringComparison.Ordinal) + Regex.Escape(suffix) + "$",
            RegexOptions.CultureInvariant));
}
