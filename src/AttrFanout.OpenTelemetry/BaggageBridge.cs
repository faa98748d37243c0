using System.Diagnostics;
using OpenTelemetry;

namespace AttrFanout.OpenTelemetry;

/// <summary>
/// Keeps OpenTelemetry's <see cref="Baggage"/> and AttrFanout's spans in step, as a listener on AttrFanout's source: a
/// send's span takes the sender's <see cref="Baggage.Current"/> (so it travels with the run), and an attempt's span
/// sets <see cref="Baggage.Current"/> from the baggage it carried, for the handler that runs inside it.
/// </summary>
internal sealed class BaggageBridge : IDisposable
{
    private readonly ActivityListener _listener;

    public BaggageBridge()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = static source => source.Name == FanoutDiagnostics.Name,
            ActivityStarted = static activity => Bridge(activity),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    private static void Bridge(Activity activity)
    {
        if (activity.Kind == ActivityKind.Producer)
        {
            foreach (var (name, value) in Baggage.Current)
            {
                if (activity.GetBaggageItem(name) is null)
                {
                    activity.AddBaggage(name, value);
                }
            }
        }
        else if (activity.Kind == ActivityKind.Consumer)
        {
            var baggage = Baggage.Current;
            foreach (var (name, value) in activity.Baggage)
            {
                baggage = baggage.SetBaggage(name, value);
            }

            Baggage.Current = baggage;
        }
    }
}
