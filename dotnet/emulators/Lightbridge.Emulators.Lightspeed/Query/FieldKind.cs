namespace Lightbridge.Emulators.Lightspeed.Query;

/// <summary>How a field's filter operands are parsed and compared. The wire shows every kind as a string.</summary>
internal enum FieldKind
{
    Integer,
    Decimal,
    DateTime,
    Boolean,
    Text,
}
