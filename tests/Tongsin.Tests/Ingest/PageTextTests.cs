using System.IO.Compression;
using System.Text;
using Tongsin.Ingest;
using Tongsin.Ingest.Pages;
using Tongsin.Model;

namespace Tongsin.Tests.Ingest;

public class PageTextTests
{
    private static ImportFailureKind FailureOf(byte[] bytes) =>
        Assert.Throws<ImportFailureException>(() => PageText.Decode(bytes)).Kind;

    [Fact]
    public void Empty_and_blank_files_are_empty()
    {
        Assert.Equal(ImportFailureKind.Empty, FailureOf([]));
        Assert.Equal(ImportFailureKind.Empty, FailureOf(Encoding.UTF8.GetBytes(" \r\n\t\n")));
        Assert.Equal(ImportFailureKind.Empty, FailureOf([0xEF, 0xBB, 0xBF, (byte)'\n']));
    }

    [Fact]
    public void Binary_files_are_binary()
    {
        Assert.Equal(ImportFailureKind.Binary, FailureOf([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]));
        var noise = new byte[4096];
        new Random(7).NextBytes(noise);
        Assert.Equal(ImportFailureKind.Binary, FailureOf(noise.Select(b => b == 0 ? (byte)1 : b).ToArray()));
    }

    [Fact]
    public void A_file_cut_inside_a_character_is_truncated()
    {
        var bytes = Encoding.UTF8.GetBytes("January 1, 2026\n김정은");
        Assert.Equal(ImportFailureKind.Truncated, FailureOf(bytes[..^1]));
    }

    [Fact]
    public void Invalid_utf8_in_the_middle_is_an_encoding_failure_naming_the_offset()
    {
        var bytes = Encoding.UTF8.GetBytes("January 1, 2026\nabc").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(" more text")).ToArray();
        var e = Assert.Throws<ImportFailureException>(() => PageText.Decode(bytes));
        Assert.Equal(ImportFailureKind.Encoding, e.Kind);
        Assert.Contains("offset 19", e.Message);
    }

    [Fact]
    public void Bom_gzip_and_utf16_are_read()
    {
        Assert.Equal("abc", PageText.Decode([0xEF, 0xBB, 0xBF, (byte)'a', (byte)'b', (byte)'c']));
        var packed = new MemoryStream();
        using (var gz = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(Encoding.UTF8.GetBytes("조선 text"));
        Assert.Equal("조선 text", PageText.Decode(packed.ToArray()));
        Assert.Equal("조선", PageText.Decode(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("조선")).ToArray()));
        Assert.Equal(ImportFailureKind.Truncated, FailureOf(packed.ToArray()[..^6]));
    }
}
