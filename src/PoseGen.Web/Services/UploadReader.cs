using PoseGen.Web.Hosting;
using PoseGen.Core.Errors;

namespace PoseGen.Web.Services;

/// <summary>
/// Reads an uploaded image into memory with the checks every upload gets: present, not empty, not too big.
/// </summary>
public static class UploadReader
{
    public static async Task<byte[]> ReadImageAsync(IFormFile? file, string field, long maxBytes, CancellationToken ct)
    {
        if (file is null)
            throw new InvalidInputException($"Send the photo as the multipart form field '{field}'.");
        if (file.Length == 0)
            throw new InvalidInputException("The uploaded file is empty.");
        if (file.Length > maxBytes)
            throw new TooLargeException($"The photo is larger than {maxBytes / (1024 * 1024)} MiB.");
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
