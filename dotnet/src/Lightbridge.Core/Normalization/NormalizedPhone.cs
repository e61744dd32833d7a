using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;

namespace Lightbridge.Core.Normalization;

/// <summary>A customer's phone number in E.164 with the use it was entered under.</summary>
/// <param name="Number">The E.164 number.</param>
/// <param name="UseType">Home, work, mobile, pager or fax.</param>
public sealed record NormalizedPhone(PhoneNumber Number, PhoneUseType UseType);
