namespace Lightbridge.Core.Mapping;

/// <summary>One target field as a function of the source record: the unit a configured override replaces.</summary>
/// <typeparam name="TSource">The normalized record mapped.</typeparam>
/// <param name="TargetField">The Salesforce field's API name.</param>
/// <param name="Value">Computes the value (see <see cref="FieldValue.Value"/> for the types allowed); null clears the field.</param>
public sealed record FieldMapping<TSource>(string TargetField, Func<TSource, object?> Value);
