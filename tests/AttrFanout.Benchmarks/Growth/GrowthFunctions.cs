using AttrFanout.Benchmarks.Infrastructure;

namespace AttrFanout.Benchmarks.Growth;

[Event("bench/growth-1")]
public sealed partial record GrowthOne(int Sequence);

[Event("bench/growth-5")]
public sealed partial record GrowthFive(int Sequence);

[Event("bench/growth-20")]
public sealed partial record GrowthTwenty(int Sequence);

[Event("bench/growth-100")]
public sealed partial record GrowthHundred(int Sequence);

/// <summary>Function sets of 1, 5, 20 and 100 no-op functions, one event each; the file is written by <c>write-growth-functions.py</c>.</summary>
public static class GrowthFunctions
{
    public static readonly Countdown Calls = new();

    [OnEvent("bench/growth-1", Id = "growth-1-001")]
    public static void F1x001(GrowthOne e) => Calls.Signal();

    [OnEvent("bench/growth-5", Id = "growth-5-001")]
    public static void F5x001(GrowthFive e) => Calls.Signal();

    [OnEvent("bench/growth-5", Id = "growth-5-002")]
    public static void F5x002(GrowthFive e) => Calls.Signal();

    [OnEvent("bench/growth-5", Id = "growth-5-003")]
    public static void F5x003(GrowthFive e) => Calls.Signal();

    [OnEvent("bench/growth-5", Id = "growth-5-004")]
    public static void F5x004(GrowthFive e) => Calls.Signal();

    [OnEvent("bench/growth-5", Id = "growth-5-005")]
    public static void F5x005(GrowthFive e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-001")]
    public static void F20x001(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-002")]
    public static void F20x002(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-003")]
    public static void F20x003(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-004")]
    public static void F20x004(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-005")]
    public static void F20x005(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-006")]
    public static void F20x006(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-007")]
    public static void F20x007(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-008")]
    public static void F20x008(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-009")]
    public static void F20x009(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-010")]
    public static void F20x010(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-011")]
    public static void F20x011(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-012")]
    public static void F20x012(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-013")]
    public static void F20x013(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-014")]
    public static void F20x014(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-015")]
    public static void F20x015(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-016")]
    public static void F20x016(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-017")]
    public static void F20x017(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-018")]
    public static void F20x018(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-019")]
    public static void F20x019(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-20", Id = "growth-20-020")]
    public static void F20x020(GrowthTwenty e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-001")]
    public static void F100x001(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-002")]
    public static void F100x002(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-003")]
    public static void F100x003(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-004")]
    public static void F100x004(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-005")]
    public static void F100x005(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-006")]
    public static void F100x006(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-007")]
    public static void F100x007(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-008")]
    public static void F100x008(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-009")]
    public static void F100x009(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-010")]
    public static void F100x010(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-011")]
    public static void F100x011(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-012")]
    public static void F100x012(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-013")]
    public static void F100x013(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-014")]
    public static void F100x014(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-015")]
    public static void F100x015(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-016")]
    public static void F100x016(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-017")]
    public static void F100x017(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-018")]
    public static void F100x018(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-019")]
    public static void F100x019(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-020")]
    public static void F100x020(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-021")]
    public static void F100x021(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-022")]
    public static void F100x022(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-023")]
    public static void F100x023(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-024")]
    public static void F100x024(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-025")]
    public static void F100x025(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-026")]
    public static void F100x026(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-027")]
    public static void F100x027(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-028")]
    public static void F100x028(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-029")]
    public static void F100x029(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-030")]
    public static void F100x030(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-031")]
    public static void F100x031(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-032")]
    public static void F100x032(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-033")]
    public static void F100x033(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-034")]
    public static void F100x034(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-035")]
    public static void F100x035(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-036")]
    public static void F100x036(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-037")]
    public static void F100x037(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-038")]
    public static void F100x038(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-039")]
    public static void F100x039(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-040")]
    public static void F100x040(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-041")]
    public static void F100x041(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-042")]
    public static void F100x042(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-043")]
    public static void F100x043(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-044")]
    public static void F100x044(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-045")]
    public static void F100x045(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-046")]
    public static void F100x046(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-047")]
    public static void F100x047(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-048")]
    public static void F100x048(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-049")]
    public static void F100x049(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-050")]
    public static void F100x050(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-051")]
    public static void F100x051(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-052")]
    public static void F100x052(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-053")]
    public static void F100x053(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-054")]
    public static void F100x054(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-055")]
    public static void F100x055(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-056")]
    public static void F100x056(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-057")]
    public static void F100x057(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-058")]
    public static void F100x058(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-059")]
    public static void F100x059(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-060")]
    public static void F100x060(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-061")]
    public static void F100x061(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-062")]
    public static void F100x062(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-063")]
    public static void F100x063(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-064")]
    public static void F100x064(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-065")]
    public static void F100x065(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-066")]
    public static void F100x066(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-067")]
    public static void F100x067(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-068")]
    public static void F100x068(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-069")]
    public static void F100x069(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-070")]
    public static void F100x070(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-071")]
    public static void F100x071(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-072")]
    public static void F100x072(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-073")]
    public static void F100x073(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-074")]
    public static void F100x074(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-075")]
    public static void F100x075(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-076")]
    public static void F100x076(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-077")]
    public static void F100x077(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-078")]
    public static void F100x078(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-079")]
    public static void F100x079(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-080")]
    public static void F100x080(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-081")]
    public static void F100x081(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-082")]
    public static void F100x082(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-083")]
    public static void F100x083(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-084")]
    public static void F100x084(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-085")]
    public static void F100x085(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-086")]
    public static void F100x086(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-087")]
    public static void F100x087(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-088")]
    public static void F100x088(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-089")]
    public static void F100x089(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-090")]
    public static void F100x090(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-091")]
    public static void F100x091(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-092")]
    public static void F100x092(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-093")]
    public static void F100x093(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-094")]
    public static void F100x094(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-095")]
    public static void F100x095(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-096")]
    public static void F100x096(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-097")]
    public static void F100x097(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-098")]
    public static void F100x098(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-099")]
    public static void F100x099(GrowthHundred e) => Calls.Signal();

    [OnEvent("bench/growth-100", Id = "growth-100-100")]
    public static void F100x100(GrowthHundred e) => Calls.Signal();
}
