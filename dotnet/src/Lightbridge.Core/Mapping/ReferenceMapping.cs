using Lightbridge.Core.Identity;

namespace Lightbridge.Core.Mapping;

/// <summary>A parent set through its external id, as a function of the source record.</summary>
/// <typeparam name="TSource">The normalized record mapped.</typeparam>
/// <param name="Field">The lookup field, e.g. <c>Store__c</c>.</param>
/// <param name="ParentObject">The parent's object.</param>
/// <param name="ParentExternalIdField">The parent's external-id field.</param>
/// <param name="ParentExternalId">Computes the parent's external id; null leaves the reference out.</param>
public sealed record ReferenceMapping<TSource>(
    string Field,
    string ParentObject,
    string ParentExternalIdField,
    Func<TSource, ExternalId?> ParentExternalId);
