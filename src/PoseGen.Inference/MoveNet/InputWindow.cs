namespace PoseGen.Inference.MoveNet;

/// <summary>
/// The part of the source image a model input shows: input pixel (u, v) (0 = left/top edge, continuous) covers source
/// pixel position (Left + u * Scale, Top + v * Scale). One <see cref="Scale"/> for both axes, so the image is never
/// stretched; the window may extend past the image, and those input pixels are zero (black padding), as TF.js
/// cropAndResize with extrapolation value 0 does.
/// </summary>
/// <param name="Left">Source x of the input's left edge, in source pixels (negative when padded on the left).</param>
/// <param name="Top">Source y of the input's top edge, in source pixels.</param>
/// <param name="Scale">Source pixels per input pixel.</param>
/// <param name="InputWidth">Model input width in pixels.</param>
/// <param name="InputHeight">Model input height in pixels.</param>
public readonly record struct InputWindow(float Left, float Top, float Scale, int InputWidth, int InputHeight)
{
    /// <summary>Width of the window in source pixels.</summary>
    public float Width => Scale * InputWidth;

    /// <summary>Height of the window in source pixels.</summary>
    public float Height => Scale * InputHeight;

    /// <summary>Model output coordinates normalised to the input frame ([0, 1] across it) to source pixels.</summary>
    public (float X, float Y) ToSource(float normalisedX, float normalisedY) =>
        (Left + normalisedX * Width, Top + normalisedY * Height);

    /// <summary>
    /// The whole image centred in a square <paramref name="size"/> x <paramref name="size"/> input, padded equally on
    /// both sides of the short axis.
    /// </summary>
    public static InputWindow Letterbox(int imageWidth, int imageHeight, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var side = (float)Math.Max(imageWidth, imageHeight);
        return new InputWindow((imageWidth - side) / 2, (imageHeight - side) / 2, side / size, size, size);
    }

    /// <summary>A square of <paramref name="side"/> source pixels centred on (centreX, centreY).</summary>
    public static InputWindow Square(float centreX, float centreY, float side, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(side);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        return new InputWindow(centreX - side / 2, centreY - side / 2, side / size, size, size);
    }

    /// <summary>
    /// The multipose input: the long side scaled to <paramref name="maxDimension"/>, the short side padded at the
    /// bottom/right up to the next multiple of 32 (the model's stride), as the TF.js MoveNet pipeline does.
    /// </summary>
    public static InputWindow Multipose(int imageWidth, int imageHeight, int maxDimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageHeight);
        var longSide = RoundUp(maxDimension, MultiposeStride);
        var scale = (float)Math.Max(imageWidth, imageHeight) / longSide;
        var width = imageWidth >= imageHeight ? longSide : RoundUp((int)Math.Ceiling(imageWidth / scale - 1e-3f),
            MultiposeStride);
        var height = imageHeight > imageWidth ? longSide : RoundUp((int)Math.Ceiling(imageHeight / scale - 1e-3f),
            MultiposeStride);
        return new InputWindow(0, 0, scale, width, height);
    }

    /// <summary>The multipose graph's stride: its free input sides must be multiples of this.</summary>
    public const int MultiposeStride = 32;

    /// <summary><paramref name="value"/> rounded up to a multiple of <paramref name="multiple"/>, at least
    /// one.</summary>
    public static int RoundUp(int value, int multiple) => Math.Max(multiple,
        (value + multiple - 1) / multiple * multiple);
}
