using AttrFanout.Stores;

namespace AttrFanout.Engine;

/// <summary>Refuses to start what flow control cannot keep: rules on a store without shared state, a blank scope, one scope with two limits.</summary>
internal static class FlowControlStartupCheck
{
    /// <exception cref="AttrFanoutConfigurationException">The store cannot keep flow control, a scope is blank, or a scope has two limits.</exception>
    public static void Check(IReadOnlyList<FunctionDescriptor> functions, IFanoutStore store)
    {
        var ruled = functions.Where(static f => f.FlowControl is not null).ToArray();
        if (ruled.Length == 0)
        {
            return;
        }

        if (store.FlowControl is null)
        {
            var names = string.Join(", ", ruled.Select(static f => $"'{f.Id}' ({f.Handler})"));
            throw new AttrFanoutConfigurationException(
                $"The store {store.GetType().Name} keeps no flow-control state, but these functions have flow-control rules: {names}. Use a store that supports flow control (in memory, SQLite, NATS JetStream) or remove the rules.");
        }

        var scopes = new Dictionary<string, (FunctionDescriptor Function, int Limit)>(StringComparer.Ordinal);
        foreach (var function in ruled)
        {
            foreach (var rule in function.FlowControl!.Concurrency)
            {
                if (rule.Scope is not { } scope)
                {
                    continue;
                }

                if (string.IsNullOrWhiteSpace(scope))
                {
                    throw new AttrFanoutConfigurationException(
                        $"Function '{function.Id}' ({function.Handler}) gives a concurrency limit a blank scope. A scope names a limit shared by every function naming it: give it a name, or leave it out for the function's own limit.");
                }

                if (scopes.TryGetValue(scope, out var first) && first.Limit != rule.Limit)
                {
                    throw new AttrFanoutConfigurationException(
                        $"The concurrency scope '{scope}' has the limit {first.Limit} on function '{first.Function.Id}' ({first.Function.Handler}) and {rule.Limit} on function '{function.Id}' ({function.Handler}). Give the scope one limit.");
                }

                scopes.TryAdd(scope, (function, rule.Limit));
            }
        }
    }
}
