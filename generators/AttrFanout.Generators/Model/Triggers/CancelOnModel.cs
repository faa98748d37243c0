using AttrFanout.Generators.Model.FlowControl;

namespace AttrFanout.Generators.Model.Triggers;

/// <summary>One <c>[CancelOn]</c> of a function.</summary>
/// <param name="RunKey">The <c>Match</c> member over the run's payload, or null without a <c>Match</c>.</param>
/// <param name="CancellingKey">The same member over the cancelling event's payload, or null without a <c>Match</c>.</param>
/// <param name="Condition">
/// The call of the <c>If</c> method over the lambda parameters <c>run</c> and <c>cancelling</c> (both <c>object</c>), e.g.
/// <c>global::Shop.Onboarding.SameUser((global::Shop.UserSignedUp)run, (global::Shop.UserDeleted)cancelling)</c>; null without an <c>If</c>.
/// </param>
internal sealed record CancelOnModel(string EventName, int? TimeoutSeconds, KeyModel? RunKey, KeyModel? CancellingKey, string? Condition);
