namespace PoseGen.Core.Abstractions;

/// <summary>
/// The detector settings the use cases read (the adapter binds them from configuration section <c>Inference</c>, where
/// they are explained and validated): the long side photos are decoded to before detection, in pixels, and the score
/// below which a keypoint is unreliable.
/// </summary>
public sealed class PoseDetectionSettings
{
    public int DetectionMaxSide { get; set; } = 1000;

    public float KeypointThreshold { get; set; } = 0.3f;
}
