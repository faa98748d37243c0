namespace AttrFanout.EndToEnd.Tests.Infrastructure;

internal sealed record SourceFile(string Name, string Text);
