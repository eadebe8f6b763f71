namespace PoseGen.Web.ViewModels.Home;

/// <summary>
/// One section of the visitors' home page: what a feature does, three points, a link into it and a screenshot of it
/// (wwwroot/img/landing/<see cref="Image"/>, <see cref="Width"/> x <see cref="Height"/> pixels, so the page does not
/// jump while it loads).
/// </summary>
public sealed record LandingFeature(
    string Id, string Icon, string Title, string Text, IReadOnlyList<string> Points, string Link, string LinkText,
    string Image, int Width, int Height, string Alt);

/// <summary>The visitors' home page: the sections in order. The screenshots are the app's own pages.</summary>
public static class LandingPage
{
    public static readonly LandingFeature Hero = new(
        "hero", "bi-bullseye", "", "", [], "", "", "practice-phone.webp", 390, 844,
        "Live practice in PoseGen: the camera view with the target pose as a ghost, the match score and the hold " +
        "timer");

    public static readonly IReadOnlyList<LandingFeature> Features =
    [
        new("analyze", "bi-camera", "Analyse a photo",
            "Upload a photo and PoseGen draws the skeleton of everyone in it, names the closest pose in its library, " +
            "shows the key joint angles on the picture and tells you what a coach would notice first.",
            ["Every person in the photo, 17 keypoints each", "The nearest library pose and how close you are",
                "Observations in plain words: knees, trunk, hips, arms"],
            "/Analyze", "Analyze a photo", "analyze.webp", 720, 540,
            "An analysed photo: skeletons over four footballers, joint angles and the closest library pose"),
        new("practice", "bi-bullseye", "Practise a pose live",
            "Pick a yoga, fitness or photo pose. Your camera shows it as a ghost over you, with a live 0 to 100 " +
            "match, the one correction that matters most right now and a hold timer that runs while you hold it.",
            ["A ghost of the target pose where you stand", "The correction that gains the most, spoken if you like",
                "Best match and time held saved to your history"],
            "/Workout?pose=mountain", "Practise a pose", "practice.webp", 720, 540,
            "Live practice: the camera view with the target pose drawn as a ghost, the match score and the hold timer"),
        new("workout", "bi-activity", "Count the good reps",
            "Train in front of your webcam: reps are counted live, and only the ones done with good form count. A " +
            "large count you can read from across the room, and rest timers between sets.",
            ["Squats and more, or let PoseGen recognise the exercise", "Good and improper reps, with the reason",
                "Or upload a clip and get the count and a chart"],
            "/Workout", "Start a workout", "workout.webp", 720, 540,
            "A squat workout: the rep count over the camera view"),
        new("recommendations", "bi-stars", "Poses for your scene and outfit",
            "Describe where you are or add a photo: PoseGen reads the scene and what you are wearing, and suggests " +
            "poses that fit your goals, your level and what your body allows.",
            ["Reasons written for you and for each pose", "Limitations respected: no deep knee bends for bad knees",
                "Try any pose live in one tap"],
            "/Recommendations", "Get pose ideas", "recommendations.webp", 720, 540,
            "Recommended poses as cards, each with a mannequin picture and the reasons it fits"),
        new("history", "bi-clock-history", "See your progress",
            "Everything you analyse, compare and train is kept in your history: your week at a glance, personal " +
            "bests, and replays of live sessions.",
            ["Workouts, good reps and minutes this week", "Personal bests per exercise and pose",
                "Replay a session's skeleton, export your data"],
            "/History", "Open your history", "history.webp", 720, 540,
            "The dashboard: this week's workouts, good reps and minutes with a chart and personal bests"),
    ];
}
