namespace Lightbridge.Core.Sharing;

/// <summary>One file to write into the sharing folder.</summary>
/// <param name="RelativePath">Its path under the folder, with forward slashes (<c>main/default/groups/…</c>).</param>
/// <param name="Content">Its whole new text.</param>
/// <param name="Change">Whether it is new or an existing file extended.</param>
public sealed record SharingFile(string RelativePath, string Content, SharingFileChange Change);
