namespace PoseGen.Data.Entities;

/// <summary>
/// A file stored on disk under the data folder. <see cref="RelativePath"/> is built by the media store from the user id
/// and a fresh id; no part of it comes from the uploaded file name.
/// </summary>
public sealed class MediaFile
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public Guid? ActivityId { get; set; }
    public required string RelativePath { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
