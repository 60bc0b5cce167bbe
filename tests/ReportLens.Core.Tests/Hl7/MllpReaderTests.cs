using System.Text;
using ReportLens.Core.Hl7;

namespace ReportLens.Core.Tests.Hl7;

public class MllpReaderTests
{
    [Fact]
    public async Task Read_TwoFramesInOneWrite_ComeBackOneByOne()
    {
        var frames = await ReadAllAsync([.. Frame("MSH|one"), (byte)'\n', .. Frame("MSH|two")]);

        Assert.Equal([(MllpFrameKind.Message, "MSH|one"), (MllpFrameKind.Message, "MSH|two")], frames);
    }

    [Fact]
    public async Task Read_UnframedBytesThenAFrame_ReportsBadFramingThenTheMessage()
    {
        var frames = await ReadAllAsync([.. "MSH|raw\r"u8, .. Frame("MSH|ok")]);

        Assert.Equal([(MllpFrameKind.BadFraming, "MSH|raw\r"), (MllpFrameKind.Message, "MSH|ok")], frames);
    }

    [Fact]
    public async Task Read_FrameWithoutStartByte_IsBadFraming()
    {
        var frames = await ReadAllAsync([.. "MSH|x"u8, Mllp.EndBlock, Mllp.CarriageReturn, .. Frame("MSH|ok")]);

        Assert.Equal(MllpFrameKind.BadFraming, frames[0].Kind);
        Assert.Equal((MllpFrameKind.Message, "MSH|ok"), frames[1]);
    }

    [Fact]
    public async Task Read_FrameCutByANewStart_IsBadFramingAndTheNewFrameIsRead()
    {
        var frames = await ReadAllAsync([Mllp.StartBlock, .. "MSH|cut"u8, .. Frame("MSH|next")]);

        Assert.Equal([(MllpFrameKind.BadFraming, "MSH|cut"), (MllpFrameKind.Message, "MSH|next")], frames);
    }

    [Fact]
    public async Task Read_OversizedFrame_IsTooLargeWithItsFirstBytesAndTheNextFrameIsRead()
    {
        var big = "MSH|" + new string('x', 20_000);

        var frames = await ReadAllAsync([.. Frame(big), .. Frame("MSH|small")], max: 1000);

        Assert.Equal(MllpFrameKind.TooLarge, frames[0].Kind);
        Assert.Equal(big[..1000], frames[0].Text);
        Assert.Equal((MllpFrameKind.Message, "MSH|small"), frames[1]);
    }

    [Fact]
    public async Task Read_ConnectionClosedMidFrame_EndsWithoutAFrame()
    {
        var frames = await ReadAllAsync([.. Frame("MSH|whole"), Mllp.StartBlock, .. "MSH|half"u8]);

        Assert.Equal([(MllpFrameKind.Message, "MSH|whole")], frames);
    }

    private static byte[] Frame(string text) => Mllp.Frame(Encoding.UTF8.GetBytes(text));

    private static async Task<List<(MllpFrameKind Kind, string Text)>> ReadAllAsync(byte[] bytes, int max = 1 << 20)
    {
        var reader = new MllpReader(new MemoryStream(bytes), max);
        var frames = new List<(MllpFrameKind, string)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken) is { } frame)
        {
            frames.Add((frame.Kind, Encoding.UTF8.GetString(frame.Bytes)));
        }

        return frames;
    }
}
