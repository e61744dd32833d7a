namespace Lightbridge.Emulators.Salesforce.Schema;

/// <summary>The system fields every object carries (Id, CreatedDate, LastModifiedDate, SystemModstamp, IsDeleted, Name).</summary>
internal static class SystemFields
{
    public static void AddTo(ObjectDefinition definition)
    {
        definition.AddField(new FieldDefinition { Name = "Id", Type = FieldType.Id, Label = "Record ID", ReadOnly = true, Length = 18 });
        definition.AddField(new FieldDefinition { Name = "CreatedDate", Type = FieldType.DateTime, Label = "Created Date", ReadOnly = true });
        definition.AddField(new FieldDefinition { Name = "LastModifiedDate", Type = FieldType.DateTime, Label = "Last Modified Date", ReadOnly = true });
        definition.AddField(new FieldDefinition { Name = "SystemModstamp", Type = FieldType.DateTime, Label = "System Modstamp", ReadOnly = true });
        definition.AddField(new FieldDefinition { Name = "IsDeleted", Type = FieldType.Checkbox, Label = "Deleted", ReadOnly = true });
        switch (definition.Kind)
        {
            case ObjectKind.Custom:
                // A custom object's Name is Text(80) unless its nameField says AutoNumber (the loader replaces it then).
                definition.AddField(new FieldDefinition { Name = "Name", Type = FieldType.Text, Label = "Name", Length = 80 });
                break;
            case ObjectKind.CustomMetadata:
                definition.AddField(new FieldDefinition { Name = "DeveloperName", Type = FieldType.Text, Label = "Custom Metadata Record Name", Length = 40 });
                definition.AddField(new FieldDefinition { Name = "MasterLabel", Type = FieldType.Text, Label = "Label", Length = 40 });
                definition.AddField(new FieldDefinition { Name = "Label", Type = FieldType.Text, Label = "Label", Length = 40 });
                definition.AddField(new FieldDefinition { Name = "QualifiedApiName", Type = FieldType.Text, Label = "Qualified API Name", Length = 70 });
                break;
            case ObjectKind.PlatformEvent:
                definition.AddField(new FieldDefinition { Name = "ReplayId", Type = FieldType.Text, Label = "Replay ID", ReadOnly = true, Length = 255 });
                definition.AddField(new FieldDefinition { Name = "EventUuid", Type = FieldType.Text, Label = "Event UUID", ReadOnly = true, Length = 36 });
                break;
            default:
                break;
        }
    }
}
