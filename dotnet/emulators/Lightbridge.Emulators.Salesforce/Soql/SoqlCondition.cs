namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>A WHERE-clause node: <see cref="SoqlLogical"/>, <see cref="SoqlNot"/> or <see cref="SoqlComparison"/>.</summary>
internal abstract record SoqlCondition;
