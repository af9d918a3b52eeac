using System.Text;
using Tongsin.Model;

namespace Tongsin.Ingest.Pages;

/// <summary>
/// Turns the bytes of a saved file into text, or says plainly why they are not text:
/// empty, binary, damaged gzip, or not UTF-8. Gzip files are unpacked first; UTF-16 with a
/// byte-order mark is read as such; a UTF-8 byte-order mark is dropped; an HTML page that declares another
/// character set in a meta tag (EUC-KR, CP949 ...) is read in that one.
/// </summary>
public static class PageText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of a file's bytes; gzip is unpacked up to <paramref name="maxUnpacked"/> bytes, and refused as too large past them.</summary>
    public static string Decode(byte[] bytes, long maxUnpacked = ImportLimits.DefaultFileBytes)
    {
        if (bytes.Length == 0) throw new ImportFailureException(ImportFailureKind.Empty, "the file has no bytes");
        if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B) bytes = Gunzip(bytes, maxUnpacked);

        string text;
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            if (bytes.Length % 2 != 0)
                throw new ImportFailureException(ImportFailureKind.Truncated, "the UTF-16 text ends in the middle of a character");
            text = (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes, 2, bytes.Length - 2);
        }
        else
        {
            CheckNotBinary(bytes);
            var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            text = start == 0 && HtmlCharset.DeclaredOtherThanUtf8(bytes) is { } declared
                ? declared.GetString(bytes)
                : DecodeUtf8(bytes, start);
        }

        if (string.IsNullOrWhiteSpace(text.Replace('\uFEFF', ' ')))
            throw new ImportFailureException(ImportFailureKind.Empty, "the file holds only white space");
        return text;
    }

    private static byte[] Gunzip(byte[] bytes, long limit)
    {
        using var input = UnpackedStream.Over(new MemoryStream(bytes, writable: false));
        var result = input.ReadAll(limit, "page");
        if (result.Length == 0) throw new ImportFailureException(ImportFailureKind.Empty, "the gzip file unpacks to nothing");
        return result;
    }

    // Text never holds NUL, and only rarely other C0 controls; a few in the first 64 KiB make it binary.
    private static void CheckNotBinary(byte[] bytes)
    {
        var n = Math.Min(bytes.Length, 65536);
        var controls = 0;
        for (var i = 0; i < n; i++)
        {
            var b = bytes[i];
            if (b == 0) throw new ImportFailureException(ImportFailureKind.Binary, $"the file holds a NUL byte at offset {i}; it is not a text page");
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B)) controls++;
        }
        if (controls > Math.Max(8, n / 100))
            throw new ImportFailureException(ImportFailureKind.Binary, $"the file holds {controls} control bytes in its first {n} bytes; it is not a text page");
    }

    private static string DecodeUtf8(byte[] bytes, int start)
    {
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var offset = e.Index >= 0 ? start + e.Index : -1;
            if (offset >= 0 && IsCutCharacterAtEnd(bytes, offset))
                throw new ImportFailureException(ImportFailureKind.Truncated, "the file ends in the middle of a UTF-8 character");
            throw new ImportFailureException(ImportFailureKind.Encoding,
                offset >= 0 ? $"invalid byte 0x{bytes[offset]:X2} at offset {offset}" : "invalid UTF-8 bytes");
        }
    }

    // A multi-byte character whose lead byte starts in the last three bytes and whose tail is missing.
    private static bool IsCutCharacterAtEnd(byte[] bytes, int offset)
    {
        if (bytes.Length - offset > 3) return false;
        var lead = bytes[offset];
        var need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
        if (need == 0 || bytes.Length - offset >= need) return false;
        for (var i = offset + 1; i < bytes.Length; i++) if ((bytes[i] & 0xC0) != 0x80) return false;
        return true;
    }
}
