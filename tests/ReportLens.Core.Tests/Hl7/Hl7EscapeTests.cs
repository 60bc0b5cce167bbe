using CsCheck;
using ReportLens.Core.Hl7;

namespace ReportLens.Core.Tests.Hl7;

public class Hl7EscapeTests
{
    private static readonly Hl7Delimiters Standard = Hl7Delimiters.Standard;

    [Theory]
    [InlineData(@"a\F\b", "a|b")]
    [InlineData(@"a\S\b", "a^b")]
    [InlineData(@"a\T\b", "a&b")]
    [InlineData(@"a\R\b", "a~b")]
    [InlineData(@"C:\E\temp", @"C:\temp")]
    [InlineData(@"line 1\.br\line 2", "line 1\nline 2")]
    [InlineData(@"a\.sp2\b", "a\n\nb")]
    [InlineData(@"\H\bold\N\ text", "bold text")]
    [InlineData(@"8\XC397\6 mm", "8×6 mm")]
    [InlineData(@"\XE7BB93E88A82\", "结节")]
    [InlineData(@"unknown \Q\ kept", @"unknown \Q\ kept")]
    [InlineData(@"odd \X4\ kept", @"odd \X4\ kept")]
    [InlineData(@"lonely \ escape", @"lonely \ escape")]
    public void Decode_EscapeSequences_BecomeTheirCharacters(string raw, string expected) =>
        Assert.Equal(expected, Hl7Escape.Decode(raw, Standard));

    [Fact]
    public void EncodeThenDecode_AnyText_ComesBackUnchanged() =>
        Gen.String[Gen.Char["|^~\\&ab结节\n .br"], 0, 40].Sample(text =>
            Hl7Escape.Decode(Hl7Escape.Encode(text, Standard), Standard) == text);

    [Fact]
    public void Encode_Text_HasNoBareDelimiters()
    {
        var encoded = Hl7Escape.Encode("a|b^c~d&e\nf", Standard);

        Assert.Equal(@"a\F\b\S\c\R\d\T\e\.br\f", encoded);
    }
}
