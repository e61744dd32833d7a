using System.Diagnostics.CodeAnalysis;
using Lightbridge.Core.Model;

namespace Lightbridge.Core.Identity;

/// <summary>
/// The value of a Salesforce external-id field for a Lightspeed record: <c>{accountId}-{entityId}</c>.
/// Scoping by account lets several Lightspeed accounts sync into one org without their ids colliding
/// (DESIGN.md, "Salesforce data model").
/// </summary>
/// <remarks>
/// Lightspeed ids are decimal strings, so the first <c>-</c> always separates the account from the entity.
/// The external-id fields in <c>force-app/</c> are Text(64), hence <see cref="MaxLength"/>.
/// </remarks>
public readonly record struct ExternalId
{
    /// <summary>The length of the external-id fields in the package (Text 64).</summary>
    public const int MaxLength = 64;

    private const char Separator = '-';

    /// <summary>Creates the external id of <paramref name="entityId"/> in <paramref name="accountId"/>.</summary>
    /// <exception cref="ArgumentException">An id is missing, the account id holds a <c>-</c>, or the result is longer than 64.</exception>
    public ExternalId(LightspeedId accountId, LightspeedId entityId)
    {
        if (accountId.Value is null || entityId.Value is null)
        {
            throw new ArgumentException("Both the account id and the entity id are required for an external id.");
        }

        if (accountId.Value.Contains(Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException($"An account id may not contain '{Separator}': it separates the account from the entity.", nameof(accountId));
        }

        if (accountId.Value.Length + 1 + entityId.Value.Length > MaxLength)
        {
            throw new ArgumentException($"An external id is at most {MaxLength} characters (the Text(64) external-id fields).", nameof(entityId));
        }

        AccountId = accountId;
        EntityId = entityId;
    }

    /// <summary>The Lightspeed account the record belongs to.</summary>
    public LightspeedId AccountId { get; }

    /// <summary>The Lightspeed id of the record inside its account.</summary>
    public LightspeedId EntityId { get; }

    /// <summary>The field value, <c>{accountId}-{entityId}</c>.</summary>
    public string Value => $"{AccountId.Value}{Separator}{EntityId.Value}";

    /// <summary>Parses a field value such as <c>120645-42</c>.</summary>
    /// <exception cref="FormatException">The value is not <c>{accountId}-{entityId}</c>.</exception>
    public static ExternalId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new FormatException("An external id has the form {accountId}-{entityId}.");

    /// <summary>Parses a field value; false when it is not <c>{accountId}-{entityId}</c> with both parts present.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out ExternalId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength)
        {
            return false;
        }

        var separator = value.IndexOf(Separator, StringComparison.Ordinal);
        if (separator <= 0 || separator == value.Length - 1)
        {
            return false;
        }

        var account = LightspeedId.FromWire(value[..separator]);
        var entity = LightspeedId.FromWire(value[(separator + 1)..]);
        if (account is null || entity is null
            || account.Value.Value != value[..separator] || entity.Value.Value != value[(separator + 1)..])
        {
            // Padding or a "0" part is not an id we issued.
            return false;
        }

        id = new ExternalId(account.Value, entity.Value);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => AccountId.Value is null ? string.Empty : Value;
}
