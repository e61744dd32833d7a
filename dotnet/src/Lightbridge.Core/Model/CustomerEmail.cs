namespace Lightbridge.Core.Model;

/// <summary>An email address of a customer as Lightspeed holds it (not trimmed or lower-cased yet).</summary>
/// <param name="Address">The address as typed.</param>
/// <param name="UseType">Primary or secondary.</param>
public sealed record CustomerEmail(string Address, EmailUseType UseType)
{
    /// <summary>Masks the address so the value never reaches a log.</summary>
    public override string ToString() => $"CustomerEmail {{ UseType = {UseType}, Address = *** }}";
}
