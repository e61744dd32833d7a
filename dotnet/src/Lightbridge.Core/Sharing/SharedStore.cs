namespace Lightbridge.Core.Sharing;

/// <summary>A store to give its own public group and sharing rules.</summary>
/// <param name="Code">Its <c>Store_Code__c</c>, e.g. <c>S120645_1</c>: part of the group's and the rules' names.</param>
/// <param name="Name">Its name, for the group's and the rules' labels.</param>
public sealed record SharedStore(string Code, string Name);
