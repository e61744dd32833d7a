using System.Text.Encodings.Web;
using System.Text.Json;

namespace Lightbridge.Emulators.Salesforce.Rest;

/// <summary>
/// Serializer options for every body the emulator writes: the org writes quotes and non-ASCII text literally
/// (<c>'Shoe__c'</c>, not <c>\u0027Shoe__c\u0027</c>), so the default HTML-safe escaping is relaxed.
/// </summary>
internal static class WireJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
