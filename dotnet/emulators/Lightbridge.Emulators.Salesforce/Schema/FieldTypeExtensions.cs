namespace Lightbridge.Emulators.Salesforce.Schema;

/// <summary>Groups of field types that share coercion and comparison rules.</summary>
internal static class FieldTypeExtensions
{
    public static bool IsText(this FieldType type) => type is FieldType.Text or FieldType.TextArea or FieldType.LongTextArea
        or FieldType.Email or FieldType.Phone or FieldType.Url or FieldType.Picklist or FieldType.AutoNumber;

    public static bool IsNumeric(this FieldType type) => type is FieldType.Number or FieldType.Currency or FieldType.Percent;

    public static bool IsReference(this FieldType type) => type is FieldType.Id or FieldType.Lookup or FieldType.MasterDetail;

    /// <summary>The type name describe and SOQL error messages use.</summary>
    public static string SoapName(this FieldType type) => type switch
    {
        FieldType.Id => "id",
        FieldType.Lookup or FieldType.MasterDetail => "reference",
        FieldType.Number or FieldType.Percent or FieldType.Summary => "double",
        FieldType.Currency => "currency",
        FieldType.Checkbox => "boolean",
        FieldType.Date => "date",
        FieldType.DateTime => "dateTime",
        FieldType.Picklist => "picklist",
        FieldType.Email => "email",
        FieldType.Phone => "phone",
        FieldType.Url => "url",
        FieldType.TextArea or FieldType.LongTextArea => "textarea",
        _ => "string",
    };
}
