namespace PoseGen.Web;

/// <summary>
/// The main navigation, in order: (controller, label, icon). A feature adds its entry when its pages exist. The icon is
/// a Bootstrap Icons name (wwwroot/lib/bootstrap-icons), shown before the label.
/// </summary>
public static class NavItems
{
    public static readonly IReadOnlyList<(string Controller, string Label, string Icon)> Main =
    [
        ("Analyze", "Analyze", "bi-camera"),
        ("Recommendations", "Recommendations", "bi-stars"),
        ("Generate", "Render", "bi-person-bounding-box"),
        ("Compare", "Compare", "bi-layers"),
        ("Workout", "Workout", "bi-activity"),
        ("History", "History", "bi-clock-history"),
        ("Profile", "Profile", "bi-person-circle"),
    ];
}
