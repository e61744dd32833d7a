namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>Every rule the package must pass.</summary>
internal static class AllRules
{
    public static readonly IReadOnlyList<IPackageRule> Rules =
    [
        new WellFormedXmlRule(),
        new FileLocationRule(),
        new KnownElementsRule(),
        new FieldTypeRule(),
        new FieldDocumentationRule(),
        new ExternalIdRule(),
        new RelationshipReferenceRule(),
        new PermissionSetReferenceRule(),
        new PermissionGrantRule(),
        new ListViewReferenceRule(),
        new LayoutReferenceRule(),
        new FlowReferenceRule(),
        new QuickActionReferenceRule(),
        new RollupRecordReferenceRule(),
        new ValidationFormulaReferenceRule(),
        new DesignContractRule(),
        new SharingRuleReferenceRule(),
    ];

    public static IPackageRule Named(string name) => Rules.Single(r => r.Name == name);
}
