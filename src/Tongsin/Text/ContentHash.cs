using System.Security.Cryptography;
using System.Text;

namespace Tongsin.Text;

/// <summary>
/// The fingerprint of an article's text: SHA-256 over the cleaned title and paragraphs, so the
/// same words give the same hash whatever spacing or line endings a page used.
/// </summary>
public static class ContentHash
{
    public static string Of(string title, IReadOnlyList<string> paragraphs)
    {
        var text = new StringBuilder(title.Length + 64 * paragraphs.Count);
        text.Append(title);
        foreach (var p in paragraphs) text.Append('\n').Append(p);
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
