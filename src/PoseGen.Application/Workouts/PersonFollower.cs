using PoseGen.Core.Abstractions;
using PoseGen.Core.Imaging;
using PoseGen.Core.Poses;

namespace PoseGen.Application.Workouts;

/// <summary>
/// The main person in the frames of one video, in order: each frame is detected with the person of the frame before
/// (<see cref="IPoseDetector.TrackAsync"/>), as the video analysis detects.
/// </summary>
public sealed class PersonFollower(IPoseDetector detector, PoseModelKind model)
{
    private Pose? _person;

    /// <summary>The person in the next frame; null where nobody is found.</summary>
    public async Task<Pose?> NextAsync(RgbImage frame, CancellationToken cancellationToken)
    {
        var detection = await detector.TrackAsync(frame, model, _person, cancellationToken);
        return _person = detection.People.Count > 0 ? detection.People[0] : null;
    }
}
