using System.Text;
using System.Text.RegularExpressions;

namespace Tongsin.Ingest;

/// <summary>
/// Expands what a user names on the command line: files, folders (recursively, skipping hidden
/// files and folders) and globs with *, ? and ** (for shells that pass them through quoted).
/// </summary>
public static class ImportPaths
{
    public static (List<string> Files, List<ImportFailure> Problems) Expand(IEnumerable<string> arguments)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<ImportFailure>();
        void Add(string path)
        {
            if (seen.Add(Path.GetFullPath(path))) files.Add(path);
        }

        foreach (var arg in arguments)
        {
            if (File.Exists(arg)) Add(arg);
            else if (Directory.Exists(arg))
            {
                var found = Walk(arg).ToList();
                if (found.Count == 0) problems.Add(new ImportFailure(arg, null, "empty: the folder holds no files"));
                found.ForEach(Add);
            }
            else if (arg.IndexOfAny(['*', '?']) >= 0)
            {
                var found = Glob(arg);
                if (found.Count == 0) problems.Add(new ImportFailure(arg, null, "unreadable: no files match this pattern"));
                found.ForEach(Add);
            }
            else problems.Add(new ImportFailure(arg, null, "unreadable: no such file or folder"));
        }
        return (files, problems);
    }

    private static IEnumerable<string> Walk(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden };
        var stack = new Stack<string>([root]);
        var result = new List<string>();
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            string[] entries;
            try { entries = Directory.GetFileSystemEntries(dir, "*", options); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The folder is reported as one unreadable item by the import itself.
                result.Add(dir);
                continue;
            }
            Array.Sort(entries, StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (Path.GetFileName(entry).StartsWith('.')) continue;
                if (Directory.Exists(entry)) stack.Push(entry);
                else result.Add(entry);
            }
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static List<string> Glob(string pattern)
    {
        var normal = pattern.Replace('\\', '/');
        var firstWild = normal.IndexOfAny(['*', '?']);
        var cut = normal.LastIndexOf('/', firstWild);
        var root = cut < 0 ? "." : cut == 0 ? "/" : normal[..cut];
        var rest = cut < 0 ? normal : normal[(cut + 1)..];
        if (!Directory.Exists(root)) return [];
        var regex = new Regex("^" + GlobToRegex(rest) + "$", RegexOptions.CultureInvariant);
        return Walk(root)
            .Where(f => regex.IsMatch(Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Select(f => cut < 0 ? Path.GetRelativePath(".", f) : f)
            .ToList();
    }

    private static string GlobToRegex(string glob)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var ch = glob[i];
            if (ch == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (ch == '*') sb.Append("[^/]*");
            else if (ch == '?') sb.Append("[^/]");
            else sb.Append(Regex.Escape(ch.ToString()));
        }
        return sb.ToString();
    }
}
