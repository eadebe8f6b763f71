namespace PoseGen.Web.Contracts.Poses;

/// <summary>
/// A library pose close to a photo's pose: how alike (0-100), its page and where to practise it live.
/// </summary>
public sealed record NearestPoseDto(string Id, string Name, double Alike, string PageUrl, string PracticeUrl);
