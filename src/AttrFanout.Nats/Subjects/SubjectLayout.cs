namespace AttrFanout.Nats.Subjects;

/// <summary>
/// The subjects under one prefix: events as any producer publishes them at <c>{prefix}.events.{encoded name}</c> (the
/// ingress, which the intake reads), events on their way to the functions that take them at
/// <c>{prefix}.routed.{encoded name}</c> (where the function consumers filter), replays of a function's failed runs at
/// <c>{prefix}.replay.{function}</c>, dead letters at <c>{prefix}.dead.{function}</c> (<c>{prefix}.dead._unroutable</c>
/// for messages no function can take).
/// </summary>
internal sealed class SubjectLayout
{
    /// <summary>The dead-letter token for messages that belong to no function; function Ids cannot start with <c>_</c>.</summary>
    public const string UnroutableToken = "_unroutable";

    private readonly string _eventsPrefix;
    private readonly string _routedPrefix;
    private readonly string _replayPrefix;
    private readonly string _deadPrefix;
    private readonly SubjectMemo _subjectOfEvent = new();
    private readonly SubjectMemo _routedOfEvent = new();
    private readonly SubjectMemo _eventOfSubject = new();

    public SubjectLayout(string prefix)
    {
        if (!IsValidPrefix(prefix))
        {
            throw new ArgumentException(
                $"Subject prefix '{prefix}' is invalid: use dot-separated tokens of letters, digits, '-' and '_' (e.g. 'attrfanout' or 'shop.attrfanout').",
                nameof(prefix));
        }

        Prefix = prefix;
        _eventsPrefix = prefix + ".events.";
        _routedPrefix = prefix + ".routed.";
        _replayPrefix = prefix + ".replay.";
        _deadPrefix = prefix + ".dead.";
    }

    public string Prefix { get; }

    public string AllEvents => _eventsPrefix + ">";

    public string AllRouted => _routedPrefix + ">";

    public string AllReplays => _replayPrefix + ">";

    public string AllDeadLetters => _deadPrefix + ">";

    public string Unroutable => _deadPrefix + UnroutableToken;

    /// <summary>The core NATS subject (outside every stream) on which instances announce runs to cancel while they execute.</summary>
    public string Cancel => Prefix + ".cancel";

    /// <summary>The ingress subject of an event: where producers publish it, and the intake reads it.</summary>
    public string Event(string eventName) =>
        _subjectOfEvent.TryGet(eventName, out var subject) ? subject : _subjectOfEvent.Remember(eventName, _eventsPrefix + EventSubjectCodec.Encode(eventName));

    /// <summary>The routed subject of an event: where the consumers of the functions that take it filter.</summary>
    public string Routed(string eventName) =>
        _routedOfEvent.TryGet(eventName, out var subject) ? subject : _routedOfEvent.Remember(eventName, _routedPrefix + EventSubjectCodec.Encode(eventName));

    public string Replay(string functionId) => _replayPrefix + FunctionToken(functionId);

    public string DeadLetter(string functionId) => _deadPrefix + FunctionToken(functionId);

    /// <summary>
    /// Reads the event name from an ingress or routed subject; fails for any subject neither <see cref="Event"/> nor
    /// <see cref="Routed"/> can produce.
    /// </summary>
    public bool TryGetEventName(string subject, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? eventName)
    {
        if (_eventOfSubject.TryGet(subject, out eventName))
        {
            return true;
        }

        var prefix = subject.StartsWith(_eventsPrefix, StringComparison.Ordinal) ? _eventsPrefix
            : subject.StartsWith(_routedPrefix, StringComparison.Ordinal) ? _routedPrefix
            : null;
        if (prefix is null || !EventSubjectCodec.TryDecode(subject.AsSpan(prefix.Length), out eventName))
        {
            return false;
        }

        _eventOfSubject.Remember(subject, eventName);
        return true;
    }

    /// <summary>Reads the function Id from a replay subject.</summary>
    public bool TryGetReplayFunction(string subject, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? functionId)
    {
        functionId = subject.StartsWith(_replayPrefix, StringComparison.Ordinal) ? subject[_replayPrefix.Length..] : null;
        return FanoutNames.IsValidFunctionId(functionId);
    }

    private static string FunctionToken(string functionId) =>
        FanoutNames.IsValidFunctionId(functionId)
            ? functionId
            : throw new ArgumentException($"'{functionId}' is not a valid function Id: {FanoutNames.FunctionIdRule}.", nameof(functionId));

    private static bool IsValidPrefix(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return false;
        }

        foreach (var token in prefix.Split('.'))
        {
            if (token.Length == 0)
            {
                return false;
            }

            foreach (var c in token)
            {
                if (c is not (>= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
