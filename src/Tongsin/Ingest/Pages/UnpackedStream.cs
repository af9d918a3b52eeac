using System.Buffers.Binary;
using System.IO.Compression;
using Tongsin.Model;

namespace Tongsin.Ingest.Pages;

/// <summary>
/// A file's bytes as they are meant to be read: unpacked when they are gzip, with gzip data that is
/// cut short or damaged named as <c>truncated</c> when its end is reached. GZipStream itself takes a
/// stream that stops early, even inside its trailer, for a complete one; the trailer's length field
/// (the unpacked size, modulo 2^32) tells. A gzip file is therefore read as one member, as gzip
/// writes it: members joined end to end (cat a.gz b.gz) are refused as truncated.
/// </summary>
public sealed class UnpackedStream : Stream
{
    private readonly Stream _packed;
    private readonly Stream _inner;
    private readonly uint? _trailerLength;
    private long _count;
    private bool _ended;

    private UnpackedStream(Stream packed, bool gzip)
    {
        _packed = packed;
        IsGzip = gzip;
        if (!gzip) { _inner = packed; return; }
        if (packed.CanSeek)
        {
            if (packed.Length >= 18)
            {
                Span<byte> tail = stackalloc byte[4];
                packed.Seek(-4, SeekOrigin.End);
                packed.ReadExactly(tail);
                _trailerLength = BinaryPrimitives.ReadUInt32LittleEndian(tail);
            }
            packed.Position = 0;
        }
        _inner = new GZipStream(packed, CompressionMode.Decompress);
    }

    /// <summary>Opens a file, unpacking it when it starts with gzip's magic bytes.</summary>
    public static UnpackedStream Open(string path) => Over(File.OpenRead(path));

    /// <summary>Reads <paramref name="stream"/>, which it then owns, unpacking it when it starts with gzip's magic bytes.</summary>
    public static UnpackedStream Over(Stream stream)
    {
        try
        {
            Span<byte> magic = stackalloc byte[2];
            var n = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            var gzip = n == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
            if (stream.CanSeek) stream.Position = 0;
            else if (n > 0) throw new ImportFailureException(ImportFailureKind.Unreadable, "the file cannot be read from its start again (a pipe?)");
            return new UnpackedStream(stream, gzip);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public bool IsGzip { get; }

    /// <summary>The size of the file as stored (packed), when it can be told.</summary>
    public long? StoredLength => _packed.CanSeek ? _packed.Length : null;

    /// <summary>How many unpacked bytes have been read.</summary>
    public long Count => _count;

    /// <summary>
    /// Reads the whole stream into memory, or refuses it as too large once it passes
    /// <paramref name="limit"/> bytes, having read at most that many and one buffer more.
    /// </summary>
    public byte[] ReadAll(long limit, string what)
    {
        if (!IsGzip && StoredLength is { } stored && stored > limit) throw TooLarge(what, limit);
        using var output = new MemoryStream(IsGzip || StoredLength is null ? 1 << 16 : (int)StoredLength.Value);
        var buffer = new byte[1 << 16];
        int n;
        while ((n = Read(buffer, 0, buffer.Length)) > 0)
        {
            if (output.Length + n > limit) throw TooLarge(what, limit);
            output.Write(buffer, 0, n);
        }
        return output.ToArray();
    }

    private ImportFailureException TooLarge(string what, long limit) =>
        new(ImportFailureKind.TooLarge, IsGzip
            ? $"the {what} unpacks past {ImportLimits.Size(limit)}"
            : $"the {what} is past {ImportLimits.Size(limit)}" + (StoredLength is { } n ? $" ({ImportLimits.Size(n)})" : ""));

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_ended) return 0;
        int n;
        try { n = _inner.Read(buffer); }
        catch (InvalidDataException) { throw Cut(); }
        if (n == 0 && buffer.Length > 0)
        {
            _ended = true;
            // Without its length the stream cannot be checked (it is not a file on disk); it is read as it comes.
            if (IsGzip && _packed.CanSeek && (_trailerLength is not { } expected || expected != (uint)_count)) throw Cut();
        }
        _count += n;
        return n;
    }

    private static ImportFailureException Cut() => new(ImportFailureKind.Truncated, "the gzip data is damaged or cut short");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _packed.Dispose();
        }
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _count; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
