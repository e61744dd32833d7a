namespace Lightbridge.Core.Normalization;

/// <summary>
/// Turns a phone number as typed in the POS into E.164, or reports it invalid. The seam exists because real phone
/// parsing needs libphonenumber's metadata, and Core references nothing but the BCL (STYLE G1): the Sync project
/// implements it with libphonenumber.
/// </summary>
public interface IPhoneNumberNormalizer
{
    /// <summary>
    /// Normalizes <paramref name="raw"/>, reading a national number (no <c>+</c> or international prefix) as a number
    /// of <paramref name="defaultRegion"/>.
    /// </summary>
    /// <param name="raw">The number as typed, in any national or international format.</param>
    /// <param name="defaultRegion">An ISO 3166-1 alpha-2 region code, upper case (e.g. <c>US</c>, <c>GB</c>).</param>
    PhoneNormalization Normalize(string raw, string defaultRegion);
}
