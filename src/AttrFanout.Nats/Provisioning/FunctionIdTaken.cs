namespace AttrFanout.Nats.Provisioning;

/// <summary>Builds the error of an app that declares a function whose Id another app already uses on the same stream.</summary>
internal static class FunctionIdTaken
{
    public static AttrFanoutConfigurationException Error(string functionId, string app, string owner, string stream, string consumer) =>
        new($"NATS JetStream: the function Id '{functionId}' is already used on stream '{stream}' by the app '{owner}' (consumer '{consumer}'), "
            + $"and this app ('{app}') declares a function with the same Id. Two apps never share a function's runs, so this app does not start its functions: "
            + $"give one of the two functions another Id ([OnEvent(..., Id = \"...\")]), or give each app its own StreamName and SubjectPrefix. "
            + $"If '{owner}' is this app under an earlier name, set NatsJetStreamOptions.AppName = \"{owner}\".");
}
