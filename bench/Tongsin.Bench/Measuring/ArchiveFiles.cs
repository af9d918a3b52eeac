namespace Tongsin.Bench.Measuring;

/// <summary>An SQLite file with its WAL and shared-memory companions.</summary>
internal static class ArchiveFiles
{
    public static void Delete(string path)
    {
        foreach (var f in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
            if (File.Exists(f)) File.Delete(f);
    }

    public static long Size(string path) =>
        new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
}
