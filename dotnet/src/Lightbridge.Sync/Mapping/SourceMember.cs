namespace Lightbridge.Sync.Mapping;

/// <summary>One named value of a canonical record, e.g. <c>sale.total</c>: a mapping source path and a template member.</summary>
/// <typeparam name="TSource">The canonical record.</typeparam>
/// <param name="Name">The snake_case member name, e.g. <c>total</c>.</param>
/// <param name="ValueType">The CLR type the getter returns, checked where a path must yield an external id.</param>
/// <param name="Get">Reads the value in its canonical CLR form, exactly as Core's default mappings write it.</param>
internal sealed record SourceMember<TSource>(string Name, Type ValueType, Func<TSource, object?> Get);
