namespace Tongsin.Model;

/// <summary>Validators for a conditional GET, as the host gave them last time.</summary>
public sealed record Validators(string? ETag, string? LastModified)
{
    public static Validators None { get; } = new(null, null);
}
