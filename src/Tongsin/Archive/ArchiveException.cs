namespace Tongsin.Archive;

/// <summary>The archive cannot be opened or used as asked; the message says why in words a user acts on.</summary>
public sealed class ArchiveException(string message, Exception? inner = null) : Exception(message, inner);
