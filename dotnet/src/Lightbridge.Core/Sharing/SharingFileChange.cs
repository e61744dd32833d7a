namespace Lightbridge.Core.Sharing;

/// <summary>What a run does to one file of the sharing folder.</summary>
public enum SharingFileChange
{
    /// <summary>The file did not exist and is written whole.</summary>
    Created,

    /// <summary>The file existed; new stores' rules are inserted and every existing byte is kept.</summary>
    Extended,
}
