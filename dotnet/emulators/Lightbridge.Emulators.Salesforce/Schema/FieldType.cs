namespace Lightbridge.Emulators.Salesforce.Schema;

/// <summary>The field types the emulator understands, named as in SFDX field metadata (reference section 4.3).</summary>
internal enum FieldType
{
    Id,
    Text,
    TextArea,
    LongTextArea,
    Email,
    Phone,
    Url,
    Number,
    Currency,
    Percent,
    Checkbox,
    Date,
    DateTime,
    Picklist,
    Lookup,
    MasterDetail,
    Summary,
    AutoNumber,
}
