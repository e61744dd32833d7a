namespace Lightbridge.Emulators.Lightspeed.Query;

/// <summary>One parsed filter: <c>field=OP,operand[,operand]</c> with the operands still as text.</summary>
internal sealed record FilterCondition(string Field, FilterOperator Operator, IReadOnlyList<string> Operands);
