using System.Reflection;

namespace AttrFanout.Generators.Emit;

/// <summary>Strings every emitter shares.</summary>
internal static class GeneratedCode
{
    public static readonly string Version =
        typeof(GeneratedCode).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static readonly string Attribute = $"[global::System.CodeDom.Compiler.GeneratedCode(\"AttrFanout.Generators\", \"{Version}\")]";

    public const string HiddenAttribute = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    /// <summary><paramref name="value"/> as text inside an XML doc comment: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped.</summary>
    public static string XmlText(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary><paramref name="value"/> as a C# string literal; text of printable ASCII without quotes or backslashes is written as it is.</summary>
    public static string Literal(string value) =>
        NeedsEscaping(value) ? Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true) : "\"" + value + "\"";

    private static bool NeedsEscaping(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~' or '"' or '\\')
            {
                return true;
            }
        }

        return false;
    }
}
