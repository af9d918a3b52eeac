using Tongsin.Model;

namespace Tongsin.Ingest.Pages;

/// <summary>One line of a file as bytes (without its line end), or why it could not be read.</summary>
public readonly record struct ByteLine(int Number, ReadOnlyMemory<byte> Bytes, ImportFailureException? Failure);

/// <summary>
/// Reads a stream a line at a time in a buffer that never grows past the longest line allowed: a
/// longer line is refused as too large once that many bytes of it are read, and the rest of it is
/// skipped unread into memory. A line's bytes are valid until the next line is asked for. A failure
/// of the stream itself (gzip cut short) ends the lines with that failure, named at the line it
/// fell in, and the unfinished line is not given.
/// </summary>
public static class BoundedLines
{
    public static IEnumerable<ByteLine> Read(Stream stream, int maxLine)
    {
        var buffer = new byte[Math.Min(maxLine + 1, 1 << 16)];
        int start = 0, end = 0, number = 0;
        var eof = false;
        var skipping = false;
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = newline;
                var at = start;
                start += newline + 1;
                number++;
                if (skipping) { skipping = false; continue; }
                if (length > 0 && buffer[at + length - 1] == '\r') length--;
                yield return new ByteLine(number, buffer.AsMemory(at, length), null);
                continue;
            }
            if (eof)
            {
                if (end > start && !skipping) yield return new ByteLine(number + 1, buffer.AsMemory(start, end - start), null);
                yield break;
            }
            if (skipping) start = end;
            else if (end - start > maxLine)
            {
                yield return new ByteLine(number + 1, default, new ImportFailureException(ImportFailureKind.TooLarge,
                    $"the line is longer than {ImportLimits.Size(maxLine)}", number + 1));
                skipping = true;
                start = end;
            }
            // Room for more: the unfinished line moves to the front, and the buffer grows only while the line may still fit.
            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
            }
            if (end == buffer.Length) Array.Resize(ref buffer, (int)Math.Min(maxLine + 1L, buffer.Length * 2L));
            int n;
            ImportFailureException? failure = null;
            try { n = stream.Read(buffer, end, buffer.Length - end); }
            catch (ImportFailureException e) { failure = e; n = 0; }
            catch (IOException e) { failure = new ImportFailureException(ImportFailureKind.Unreadable, e.Message); n = 0; }
            if (failure is not null)
            {
                yield return new ByteLine(number + 1, default, new ImportFailureException(failure.Kind, failure.Message, number + 1));
                yield break;
            }
            if (n == 0) eof = true;
            end += n;
        }
    }
}
