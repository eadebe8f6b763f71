namespace PoseGen.Web.Contracts.Dashboard;

/// <summary>The pose the dashboard suggests next, with the recommender's reasons and where to practise it.</summary>
public sealed record SuggestedPose(string Id, string Name, IReadOnlyList<string> Reasons, string PracticeUrl);
