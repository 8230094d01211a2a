namespace SafetyNet.Engines.Tests;

public class SharedDataTests
{
    [Fact]
    public void The_near_repeat_reference_file_holds_970_burglaries()
    {
        var lines = File.ReadAllLines(SharedData.Path("nearrepeat", "chicago_be_month1.csv"))
            .Where(l => l.Trim().Length > 0).ToArray();
        Assert.Equal(970, lines.Length);
    }
}
