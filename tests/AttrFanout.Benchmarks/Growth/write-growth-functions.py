# Writes GrowthFunctions.cs: one event per set size, with that many no-op functions.
sizes = {1: "GrowthOne", 5: "GrowthFive", 20: "GrowthTwenty", 100: "GrowthHundred"}
out = ["using AttrFanout.Benchmarks.Infrastructure;", "", "namespace AttrFanout.Benchmarks.Growth;", ""]
for n, t in sizes.items():
    out += [f'[Event("bench/growth-{n}")]', f"public sealed partial record {t}(int Sequence);", ""]
out += [
    "/// <summary>Function sets of 1, 5, 20 and 100 no-op functions, one event each; the file is written by <c>write-growth-functions.py</c>.</summary>",
    "public static class GrowthFunctions",
    "{",
    "    public static readonly Countdown Calls = new();",
]
for n, t in sizes.items():
    for i in range(1, n + 1):
        out += ["", f'    [OnEvent("bench/growth-{n}", Id = "growth-{n}-{i:03}")]', f"    public static void F{n}x{i:03}({t} e) => Calls.Signal();"]
out.append("}")
with open("GrowthFunctions.cs", "w") as f:
    f.write("\n".join(out) + "\n")
