namespace Lightbridge.Salesforce.Bulk;

/// <summary>One upload's worth of CSV: UTF-8 without BOM, LF line endings, header first.</summary>
/// <param name="Content">The bytes to PUT.</param>
/// <param name="FirstIndex">The position, in the caller's input, of the first record in this part.</param>
/// <param name="Count">How many records this part holds.</param>
internal sealed record BulkCsvPart(ReadOnlyMemory<byte> Content, int FirstIndex, int Count);
