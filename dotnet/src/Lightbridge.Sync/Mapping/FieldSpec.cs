namespace Lightbridge.Sync.Mapping;

/// <summary>One target field as the mapping file or an override states it, before compilation.</summary>
/// <param name="Target">The field's API name.</param>
/// <param name="From">A source path such as <c>sale.total</c>, or null for a template.</param>
/// <param name="IfNull">The text written when <see cref="From"/> yields null, e.g. the placeholder <c>Unknown</c>.</param>
/// <param name="Template">A Scriban expression or text template, or null for a source path.</param>
/// <param name="Setting">Where it was stated, for error messages.</param>
internal sealed record FieldSpec(string Target, string? From, string? IfNull, string? Template, string Setting);
