using PoseGen.TestSupport;

namespace PoseGen.Imaging.Tests.TestData;

/// <summary>The shared fixture photos of people (real JPEGs from public pose datasets).</summary>
internal static class Fixtures
{
    public static string PeopleDirectory => RepoPaths.Fixture("people");

    public static IReadOnlyList<string> PeoplePhotos =>
        [.. Directory.GetFiles(PeopleDirectory, "*.jpg").Order(StringComparer.Ordinal)];

    public static TheoryData<string> PeoplePhotoNames => [.. PeoplePhotos.Select(p => Path.GetFileName(p))];

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(PeopleDirectory, name));
}
