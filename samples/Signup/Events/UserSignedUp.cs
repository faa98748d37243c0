using AttrFanout;

namespace Signup.Events;

/// <summary>A user finished signing up.</summary>
[Event("user/signup")]
public sealed partial record UserSignedUp(string UserId, string Email, string Name, string Plan);
