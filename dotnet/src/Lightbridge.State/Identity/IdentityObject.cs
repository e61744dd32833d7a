namespace Lightbridge.State;

/// <summary>The Salesforce object an identity-index entry came from.</summary>
public enum IdentityObject
{
    /// <summary>A <c>Contact</c>; searched first.</summary>
    Contact,

    /// <summary>A <c>Lead</c>; searched after Contacts, and followed to its Contact when converted.</summary>
    Lead,
}
