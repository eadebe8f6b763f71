using PoseGen.Application.Workouts;
using PoseGen.Data;

namespace PoseGen.Web.Services.Workouts;

/// <summary>
/// Uploaded clips waiting for analysis, in the data folder's videos/ (not media: a clip lives only until its job ends).
/// Each job's History document names its clip; whoever ends the job or deletes its entry deletes the clip.
/// </summary>
public sealed class WorkoutVideoStore(DataRoot root)
{
    public string Folder => root.Videos;

    /// <summary>
    /// The clip's path; <paramref name="fileName"/> comes from our own documents, never from a request.
    /// </summary>
    public string PathOf(string fileName) => Path.Combine(Folder, Path.GetFileName(fileName));

    /// <summary>Deletes the clip if it is still there (a finished job has already removed it).</summary>
    public void Delete(string? fileName)
    {
        if (fileName is not null)
            File.Delete(PathOf(fileName));
    }
}
