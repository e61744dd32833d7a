namespace Lightbridge.Core.Model;

/// <summary>A phone number of a customer as typed in the POS (any national or international format).</summary>
/// <param name="Number">The number as typed.</param>
/// <param name="UseType">Home, work, mobile, pager or fax.</param>
public sealed record CustomerPhone(string Number, PhoneUseType UseType)
{
    /// <summary>Masks the number so the value never reaches a log.</summary>
    public override string ToString() => $"CustomerPhone {{ UseType = {UseType}, Number = *** }}";
}
