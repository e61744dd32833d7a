namespace Lightbridge.Sync.Mapping;

/// <summary>What a target field holds, which decides how a template's result is converted (<see cref="TemplateResultConverter"/>).</summary>
internal enum TargetFieldType
{
    /// <summary>Text, text area, picklist, email or phone: a string.</summary>
    Text = 0,

    /// <summary>Number or percent: a decimal.</summary>
    Number,

    /// <summary>Currency: a decimal.</summary>
    Currency,

    /// <summary>Checkbox: a boolean.</summary>
    Checkbox,

    /// <summary>Date: a <see cref="DateOnly"/>.</summary>
    Date,

    /// <summary>Date/time: a UTC <see cref="DateTimeOffset"/>.</summary>
    DateTime,

    /// <summary>Lookup or master-detail: a Salesforce id.</summary>
    Reference,
}
