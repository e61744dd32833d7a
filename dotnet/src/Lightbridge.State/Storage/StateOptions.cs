using System.ComponentModel.DataAnnotations;

namespace Lightbridge.State;

/// <summary>
/// The <c>State</c> configuration section: where the LiteDB file lives and the password that encrypts it.
/// </summary>
public sealed class StateOptions
{
    /// <summary>The configuration section name, <c>State</c>.</summary>
    public const string SectionName = "State";

    /// <summary>The path of the LiteDB file (<c>State:Path</c>); its folder is created when missing.</summary>
    [Required]
    public string Path { get; init; } = string.Empty;

    /// <summary>
    /// The password that encrypts the file (<c>State:Password</c>); null or empty for an unencrypted file.
    /// The file holds the Lightspeed refresh token, so a production deployment should set one.
    /// </summary>
    public string? Password { get; init; }
}
