namespace PoseGen.Web;

/// <summary>The main navigation, in order: (controller, label). A feature adds its entry when its pages exist.</summary>
public static class NavItems
{
    public static readonly IReadOnlyList<(string Controller, string Label)> Main =
    [
        ("Analyze", "Analyze"),
        ("Recommendations", "Recommendations"),
        ("Generate", "Render"),
        ("Compare", "Compare"),
        ("Workout", "Workout"),
        ("History", "History"),
        ("Profile", "Profile"),
    ];
}
