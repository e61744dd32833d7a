namespace Lightbridge.Core.Model;

/// <summary>The use of a customer email (Lightspeed <c>ContactEmail.useType</c>).</summary>
public enum EmailUseType
{
    /// <summary>A use type this version does not know.</summary>
    Other = 0,

    /// <summary><c>Primary</c>.</summary>
    Primary,

    /// <summary><c>Secondary</c>.</summary>
    Secondary,
}
