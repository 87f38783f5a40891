namespace SchoolSafety.Files;

public sealed class FileStorageOptions
{
    /// <summary>Folder for stored files, outside wwwroot. Relative paths are below the app's content root.</summary>
    public string Root { get; set; } = "App_Data/uploads";
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Photos longer than this on their long side are scaled down and kept as JPEG; 0 keeps every photo as sent.</summary>
    public int MaxDimension { get; set; } = 1600;

    /// <summary>Most photos one record (a drill) may hold, those stored and those being added together.</summary>
    public int MaxPhotosPerRecord { get; set; } = 20;
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
        var data = await ReadAsync(content, length, "File.TooLarge", ct);
        var type = ImageTypes.FirstOrDefault(t => t.Matches(data.Length >= 16 ? data[..16] : data));
        if (type.ContentType is null) throw new FileRejectedException("File.NotAnImage");
        var (bytes, contentType, extension) = Downscale(data, type.ContentType, type.Extension);
        return await WriteAsync(bytes, contentType, extension, schoolId, userId, null, ct);
    }

    /// <summary>
    /// Checks and writes one document of the school's ledger: PDF, Word (.docx, .doc) or a photo or scan
    /// (kept as sent, so a scanned page stays legible). The type comes from the bytes, never from the
    /// name; <paramref name="fileName"/> is kept only to name the download.
    /// </summary>
    public async Task<StoredFile> SaveDocumentAsync(Stream content, long length, string? fileName, int schoolId, string? userId, CancellationToken ct = default)
    {
        var data = await ReadAsync(content, length, "Document.FileTooLarge", ct);
        var (contentType, extension) = DocumentTypes.Recognise(data);
        if (contentType is null)
        {
            var image = ImageTypes.FirstOrDefault(t => t.Matches(data.Length >= 16 ? data[..16] : data));
            (contentType, extension) = (image.ContentType, image.Extension);
        }
        if (contentType is null) throw new FileRejectedException("Document.FileTypeInvalid");
        return await WriteAsync(data, contentType, extension!, schoolId, userId, CleanName(fileName, extension!), ct);
    }

    private async Task<byte[]> ReadAsync(Stream content, long length, string tooLargeKey, CancellationToken ct)
    {
        if (length <= 0) throw new FileRejectedException("File.Empty");
        if (length > options.MaxBytes) throw new FileRejectedException(tooLargeKey, options.MaxBytes / 1024 / 1024);
        var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private async Task<StoredFile> WriteAsync(byte[] bytes, string contentType, string extension, int schoolId, string? userId, string? fileName, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.NewGuid();
        var key = $"{now:yyyy}/{now:MM}/{id:N}{extension}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes, ct);
        return new StoredFile
        {
            Id = id, SchoolId = schoolId, ContentType = contentType, Length = bytes.Length,
            StorageKey = key, CreatedAt = now, CreatedById = userId, FileName = fileName,
        };
    }

    /// <summary>The user's file name without folders or odd characters, ending in the extension of its real type.</summary>
    private static string? CleanName(string? fileName, string extension)
    {
        if (string.IsNullOrWhiteSpace(fileName)) return null;
        var name = Path.GetFileNameWithoutExtension(fileName.Replace('\\', '/').Split('/')[^1]);
        name = new string(name.Where(c => !char.IsControl(c) && !Path.GetInvalidFileNameChars().Contains(c) && c is not ('"' or ';')).ToArray()).Trim();
        if (name.Length == 0) return null;
        if (name.Length > StoredFile.FileNameMaxLength - 10) name = name[..(StoredFile.FileNameMaxLength - 10)];
        return name + extension;
    }

    /// <summary>
    /// A phone photo of several megabytes is scaled down to <see cref="FileStorageOptions.MaxDimension"/>
    /// on its long side (turned upright by its EXIF orientation) and kept as JPEG. Every JPEG, small or
    /// large, is re-encoded (upright, same size when small): the new file carries none of the camera's
    /// metadata, GPS position included. Smaller PNG and WebP photos, HEIC (which the image library cannot
    /// read) and anything it cannot decode are kept as sent.
    /// </summary>
    private (byte[] Bytes, string ContentType, string Extension) Downscale(byte[] data, string contentType, string extension)
    {
        var original = (data, contentType, extension);
        var jpeg = contentType == "image/jpeg";
        if ((options.MaxDimension <= 0 && !jpeg) || contentType == "image/heic") return original;
        using var codec = SkiaSharp.SKCodec.Create(new MemoryStream(data));
        if (codec is null) return original;
        var longest = Math.Max(codec.Info.Width, codec.Info.Height);
        var tooLarge = options.MaxDimension > 0 && longest > options.MaxDimension;
        if (!tooLarge && !jpeg) return original;
        var origin = codec.EncodedOrigin;
        using var decoded = SkiaSharp.SKBitmap.Decode(codec);
        if (decoded is null) return original;

        var scale = tooLarge ? options.MaxDimension / (double)longest : 1.0;
        var width = Math.Max(1, (int)Math.Round(decoded.Width * scale));
        var height = Math.Max(1, (int)Math.Round(decoded.Height * scale));
        using var resized = decoded.Resize(new SkiaSharp.SKImageInfo(width, height), new SkiaSharp.SKSamplingOptions(SkiaSharp.SKFilterMode.Linear, SkiaSharp.SKMipmapMode.Linear));
        using var upright = Orient(resized, origin);
        using var image = SkiaSharp.SKImage.FromBitmap(upright);
        using var encoded = image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 85);
        return (encoded.ToArray(), "image/jpeg", ".jpg");
    }

    private static SkiaSharp.SKBitmap Orient(SkiaSharp.SKBitmap source, SkiaSharp.SKEncodedOrigin origin)
    {
        var degrees = origin switch
        {
            SkiaSharp.SKEncodedOrigin.BottomRight => 180,
            SkiaSharp.SKEncodedOrigin.RightTop => 90,
            SkiaSharp.SKEncodedOrigin.LeftBottom => 270,
            _ => 0,
        };
        if (degrees == 0) return source.Copy();
        var swap = degrees != 180;
        var rotated = new SkiaSharp.SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        using var canvas = new SkiaSharp.SKCanvas(rotated);
        canvas.Translate(rotated.Width / 2f, rotated.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        canvas.DrawBitmap(source, 0, 0);
        return rotated;
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
