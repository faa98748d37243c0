using System.Text;
using AttrFanout.Generators.Model.Json;
using Microsoft.CodeAnalysis.CSharp;

namespace AttrFanout.Generators.Emit;

/// <summary>Names the JSON emitters share: System.Text.Json types and the per-type factory methods.</summary>
internal static class JsonNames
{
    public const string ResolverTypeName = "AttrFanoutJsonResolver";
    public const string HintName = ResolverTypeName + ".g.cs";
    public const string Metadata = "global::System.Text.Json.Serialization.Metadata";
    public const string Services = Metadata + ".JsonMetadataServices";
    public const string Options = "global::System.Text.Json.JsonSerializerOptions";

    public const string Converters = "global::AttrFanout.Generated.GeneratedJsonConverters";

    /// <summary>A converter created directly from a <c>[JsonConverter]</c> type, e.g. <c>GeneratedJsonConverters.Create&lt;Money&gt;(new MoneyConverter(), options)</c>.</summary>
    public static string CreateConverter(string typeFqn, string converterFqn) => $"{Converters}.Create<{typeFqn}>(new {converterFqn}(), options)";

    public static string ResolverFqn(string moduleNamespace) => $"global::{moduleNamespace}.{ResolverTypeName}";

    /// <summary>Gives every type a readable, unique factory method name, e.g. <c>Create_System_Collections_Generic_List_string</c>.</summary>
    public static IReadOnlyDictionary<string, string> FactoryNames(IEnumerable<JsonTypeModel> types)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            var name = "Create_" + Sanitize(type.Fqn);
            var unique = name;
            for (var i = 2; !used.Add(unique); i++)
            {
                unique = name + "_" + i;
            }

            names[type.Fqn] = unique;
        }

        return names;
    }

    /// <summary>The <c>[UnsafeAccessor]</c> method that calls a property's <c>init</c> accessor, e.g. <c>SetInit_Shop_Order_Priority</c>.</summary>
    public static string InitAccessor(JsonPropertyModel property) => $"SetInit_{Sanitize(property.DeclaringTypeFqn)}_{property.Name}";

    public static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static string Sanitize(string fqn)
    {
        var builder = new StringBuilder();
        foreach (var c in fqn.Replace("global::", "").Replace("[]", "_Array").Replace("?", "_Nullable"))
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                builder.Append(c);
            }
            else if (c is '.' or '<' or ',' && builder.Length > 0 && builder[builder.Length - 1] != '_')
            {
                builder.Append('_');
            }
        }

        return builder.ToString().TrimEnd('_');
    }
}
