namespace Lightbridge.Core.Matching;

/// <summary>What an update of a matched record may do to one field.</summary>
public enum FieldUpdatePolicy
{
    /// <summary>Lightspeed wins: write the value whenever it differs.</summary>
    Overwrite = 0,

    /// <summary>Write only when the record's value is blank, so a value a rep entered is never overwritten.</summary>
    FillIfBlank,

    /// <summary>Set the field when creating the record, never when updating it.</summary>
    Never,
}
