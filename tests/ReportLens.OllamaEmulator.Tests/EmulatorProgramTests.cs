using ReportLens.OllamaEmulator;

namespace ReportLens.OllamaEmulator.Tests;

public sealed class EmulatorProgramTests
{
    [Theory]
    [InlineData("--parallel", "0")]
    [InlineData("--decode-tps", "fast")]
    [InlineData("--faults", "http500,melt_gpu")]
    [InlineData("--urls", "not a url")]
    [InlineData("--bogus", "1")]
    [InlineData("--seed")]
    public async Task Main_BadArguments_ReturnsExitCode2(params string[] args)
    {
        var exitCode = await EmulatorProgram.Main(args);

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => EmulatorHost.StartAsync(new EmulatorOptions { Parallel = 0 }, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => EmulatorHost.StartAsync(new EmulatorOptions { FaultRate = 0.5 }, TestContext.Current.CancellationToken));
    }
}
