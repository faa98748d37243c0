namespace AttrFanout.Testing;

/// <summary>One run of a cascade: the run as the store kept it, the event that started it and the events it sent.</summary>
public sealed class CascadeRun
{
    private readonly List<CascadeEvent> _sent = [];

    internal CascadeRun(FunctionRun run, CascadeEvent @event)
    {
        Run = run;
        Event = @event;
    }

    /// <summary>Gets the run as the store kept it when the cascade ended.</summary>
    public FunctionRun Run { get; }

    /// <summary>Gets the event that started the run (the first one seen, when a duplicate send named the same runs).</summary>
    public CascadeEvent Event { get; }

    /// <summary>Gets the events the run sent, including the <c>attrfanout/function.failed</c> event sent when it failed.</summary>
    public IReadOnlyList<CascadeEvent> Sent => _sent;

    /// <summary>Gets the run's Id.</summary>
    public string RunId => Run.RunId;

    /// <summary>Gets the function's Id.</summary>
    public string FunctionId => Run.FunctionId;

    /// <summary>Gets how the run ended.</summary>
    public RunStatus Status => Run.Status;

    /// <summary>Gets how many attempts it took.</summary>
    public int Attempts => Run.Attempts;

    /// <summary>Gets the full name of the last error's type, when an attempt failed.</summary>
    public string? ErrorType => Run.ErrorType;

    /// <summary>Gets the last error's message, when an attempt failed.</summary>
    public string? ErrorMessage => Run.ErrorMessage;

    /// <summary>Gets the chain that led to this run, from the first event: <c>order/placed → reserve → stock/reserved → ship</c>.</summary>
    public string Chain => $"{Event.Chain} → {FunctionId}";

    /// <inheritdoc />
    public override string ToString() => $"{FunctionId} ({Status}, {Attempts} attempts{(ErrorMessage is null ? "" : $", {ErrorType}: {ErrorMessage}")})";

    internal void AddSent(CascadeEvent sent) => _sent.Add(sent);
}
