using PoseGen.Core.Abstractions;
using PoseGen.Core.Errors;

namespace PoseGen.Application;

public static class ModelAvailability
{
    /// <summary>
    /// A 503 with the way out when a pipeline's models are missing. Callers check the upload first: a bad photo is the
    /// caller's to fix whether or not the models are here.
    /// </summary>
    public static void EnsureAvailable(this IPoseDetector detector, PoseModelKind model)
    {
        if (!detector.IsAvailable(model))
            throw new UnavailableException(
                "The pose models are not installed. Build the app (it converts them into models/) and restart it.");
    }
}
