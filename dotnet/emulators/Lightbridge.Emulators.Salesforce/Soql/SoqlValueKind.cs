namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>The kinds of literal a WHERE clause can hold.</summary>
internal enum SoqlValueKind
{
    String,
    Number,
    Boolean,
    Null,
    Date,
    DateTime,
    /// <summary>TODAY, YESTERDAY, TOMORROW, LAST_N_DAYS:n, NEXT_N_DAYS:n, N_DAYS_AGO:n.</summary>
    DateLiteral,
}
