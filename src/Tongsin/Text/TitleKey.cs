using System.Text;

namespace Tongsin.Text;

/// <summary>
/// The form of a title used to recognise the same article on different pages: case, spacing,
/// curly or straight quotes and dash styles do not matter; words and punctuation otherwise do.
/// </summary>
public static class TitleKey
{
    public static string From(string title)
    {
        var clean = TextCleaner.CleanLine(title);
        var sb = new StringBuilder(clean.Length);
        foreach (var ch in clean)
        {
            sb.Append(ch switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ => char.ToLowerInvariant(ch),
            });
        }
        return sb.ToString();
    }
}
