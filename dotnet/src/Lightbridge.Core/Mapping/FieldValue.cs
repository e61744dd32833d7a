namespace Lightbridge.Core.Mapping;

/// <summary>One field of a <see cref="SalesforceRecord"/>.</summary>
/// <param name="Name">The field's API name, e.g. <c>Total__c</c>.</param>
/// <param name="Value">
/// The value: <see cref="string"/>, <see cref="decimal"/>, <see cref="bool"/>, <see cref="DateTimeOffset"/> (UTC),
/// <see cref="DateOnly"/>, <see cref="Identity.SalesforceId"/>, or null to clear the field. The Salesforce client turns
/// it into its wire form.
/// </param>
public sealed record FieldValue(string Name, object? Value);
