namespace Lightbridge.Sync.Mapping;

/// <summary>A lookup set through the parent's external id, as the mapping file states it.</summary>
/// <param name="Field">The lookup field, e.g. <c>Store__c</c>.</param>
/// <param name="ParentObject">The parent object.</param>
/// <param name="ParentExternalIdField">The parent's external-id field.</param>
/// <param name="From">The source path yielding the parent's external id, e.g. <c>sale.shop_external_id</c>.</param>
/// <param name="Setting">Where it was stated, for error messages.</param>
internal sealed record ReferenceSpec(string Field, string ParentObject, string ParentExternalIdField, string From, string Setting);
