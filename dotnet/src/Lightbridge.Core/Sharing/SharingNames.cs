using S = Lightbridge.Core.Mapping.SalesforceSchema;

namespace Lightbridge.Core.Sharing;

/// <summary>
/// The names, labels and paths of the store-level sharing metadata (DESIGN.md: per-store public groups and criteria-based
/// sharing rules on <c>Store_Code__c</c>), and the platform limits they must respect.
/// </summary>
public static class SharingNames
{
    /// <summary>The head-office group, which reads every sale and stock row.</summary>
    public const string HeadOfficeGroup = "Lightspeed_Head_Office";

    /// <summary>The owner-based rule that shares everything with <see cref="HeadOfficeGroup"/>.</summary>
    public const string HeadOfficeRule = "Lightspeed_Head_Office";

    /// <summary>The prefix of a store's group (and of its rules): <c>Lightspeed_Store_{code}</c>.</summary>
    public const string StorePrefix = "Lightspeed_Store_";

    /// <summary>The field the store rules match on, on every shared object.</summary>
    public const string StoreCodeField = S.Sale.StoreCode;

    /// <summary><c>Group.Name</c>, the label, is at most 40 characters (the developer name may have 80).</summary>
    public const int GroupLabelMaxLength = 40;

    /// <summary>A sharing rule's label is at most 80 characters.</summary>
    public const int RuleLabelMaxLength = 80;

    /// <summary>Salesforce allows at most 50 criteria-based sharing rules per object: so at most 50 stores.</summary>
    public const int MaxCriteriaRulesPerObject = 50;

    /// <summary>The objects whose records are shared store by store. Lines and payments follow their sale (ControlledByParent).</summary>
    public static IReadOnlyList<string> SharedObjects { get; } = [S.Sale.ObjectName, S.Inventory.ObjectName];

    /// <summary>The developer name of a store's group, and of its rule on each shared object.</summary>
    public static string StoreGroup(string code) => StorePrefix + code;

    /// <summary>The group file's path in an SFDX source folder.</summary>
    public static string GroupPath(string groupName) => $"main/default/groups/{groupName}.group-meta.xml";

    /// <summary>The sharing-rules file's path in an SFDX source folder: one file per object, as the Metadata API keeps them.</summary>
    public static string RulesPath(string objectName) => $"main/default/sharingRules/{objectName}.sharingRules-meta.xml";

    /// <summary>
    /// Whether <paramref name="code"/> can be part of a developer name: letters, digits and single underscores, starting with
    /// a letter, not ending with an underscore, at most 20 characters (the length of <c>Store_Code__c</c>).
    /// </summary>
    public static bool IsUsableCode(string? code) =>
        code is { Length: > 0 and <= 20 }
        && char.IsAsciiLetter(code[0])
        && code[^1] != '_'
        && !code.Contains("__", StringComparison.Ordinal)
        && code.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
