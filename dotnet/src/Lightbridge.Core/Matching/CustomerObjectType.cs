namespace Lightbridge.Core.Matching;

/// <summary>The Salesforce object a shopper lives in.</summary>
public enum CustomerObjectType
{
    /// <summary><c>Contact</c>.</summary>
    Contact = 0,

    /// <summary><c>Lead</c>.</summary>
    Lead,
}
