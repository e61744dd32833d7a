namespace Lightbridge.Emulators.Salesforce.Schema;

/// <summary>What an object is: a data object, a platform event (<c>__e</c>) or a custom metadata type (<c>__mdt</c>).</summary>
internal enum ObjectKind
{
    Standard,
    Custom,
    PlatformEvent,
    CustomMetadata,
}
