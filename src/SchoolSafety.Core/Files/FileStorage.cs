namespace SchoolSafety.Files;

public sealed class FileStorageOptions
{
    /// <summary>Folder for stored files, outside wwwroot. Relative paths are below the app's content root.</summary>
    public string Root { get; set; } = "App_Data/uploads";
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>Why an upload was refused: a resource key for the message.</summary>
public sealed class FileRejectedException(string messageKey, params object[] args) : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;
    public object[] Args { get; } = args;
}

/// <summary>
/// Keeps uploaded photos in a local folder. The type is decided by the file's first bytes (a text
/// file renamed .jpg is refused), the size is capped, and the stored name is a new GUID.
/// </summary>
public sealed class FileStorage(FileStorageOptions options, TimeProvider clock)
{
    private static readonly (string ContentType, string Extension, Func<byte[], bool> Matches)[] ImageTypes =
    [
        ("image/jpeg", ".jpg", b => b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF),
        ("image/png", ".png", b => b.Length >= 8 && b.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })),
        ("image/webp", ".webp", b => b.Length >= 12 && Ascii(b, 0, "RIFF") && Ascii(b, 8, "WEBP")),
        ("image/heic", ".heic", b => b.Length >= 12 && Ascii(b, 4, "ftyp") && (Ascii(b, 8, "heic") || Ascii(b, 8, "heix") || Ascii(b, 8, "mif1") || Ascii(b, 8, "msf1"))),
    ];

    public long MaxBytes => options.MaxBytes;

    /// <summary>Checks and writes one photo; the caller adds the returned entity to the context.</summary>
    public async Task<StoredFile> SaveImageAsync(Stream content, long length, int schoolId, string? userId, CancellationToken ct = default)
    {
        if (length <= 0) throw new FileRejectedException("File.Empty");
        if (length > options.MaxBytes) throw new FileRejectedException("File.TooLarge", options.MaxBytes / 1024 / 1024);

        var head = new byte[16];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var type = ImageTypes.FirstOrDefault(t => t.Matches(head[..read]));
        if (type.ContentType is null) throw new FileRejectedException("File.NotAnImage");

        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.NewGuid();
        var key = $"{now:yyyy}/{now:MM}/{id:N}{type.Extension}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var file = File.Create(path))
        {
            await file.WriteAsync(head.AsMemory(0, read), ct);
            await content.CopyToAsync(file, ct);
        }
        return new StoredFile
        {
            Id = id, SchoolId = schoolId, ContentType = type.ContentType, Length = length,
            StorageKey = key, CreatedAt = now, CreatedById = userId,
        };
    }

    public Stream Open(StoredFile file) => File.OpenRead(PathOf(file.StorageKey));

    /// <summary>Removes a file whose record was never saved.</summary>
    public void Delete(StoredFile file)
    {
        var path = PathOf(file.StorageKey);
        if (File.Exists(path)) File.Delete(path);
    }

    private string PathOf(string key)
    {
        var root = Path.GetFullPath(options.Root);
        var path = Path.GetFullPath(Path.Combine(root, key));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException("Storage key escapes the storage folder.");
        return path;
    }

    private static bool Ascii(byte[] b, int offset, string text) =>
        b.Length >= offset + text.Length && text.Select((c, i) => b[offset + i] == c).All(x => x);
}
