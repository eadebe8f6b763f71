namespace PoseGen.Core.Context;

/// <summary>A word or phrase (lower case, space separated) that points to a label with a weight in (0, 1].</summary>
public sealed record LexiconEntry(string Phrase, ContextDimension Dimension, string Label, double Weight);

/// <summary>
/// The prompt parser's vocabulary. Weights are hand-set: 0.9 for words that name the label ("beach", "gym",
/// "swimsuit"), 0.6-0.8 for strong cues ("sand", "hotel room", "leggings"), 0.3-0.5 for hints ("sunset" for romantic).
/// Body parts are not here: whether "knees" is a focus or a limitation depends on nearby words (see
/// <see cref="PromptParser"/>).
/// </summary>
public static class PromptLexicon
{
    public static readonly IReadOnlyList<LexiconEntry> Entries = Build();

    private static List<LexiconEntry> Build()
    {
        var list = new List<LexiconEntry>();
        void Add(ContextDimension d, string label, double w, params string[] phrases) =>
            list.AddRange(phrases.Select(p => new LexiconEntry(p, d, label, w)));
        const ContextDimension E = ContextDimension.Environment, O = ContextDimension.Outfit, G = ContextDimension.Goal,
            M = ContextDimension.Mood;

        Add(E, "beach", 0.9, "beach", "seaside", "seashore", "shore", "coast", "beachfront");
        Add(E, "beach", 0.7, "sand", "sandy", "ocean", "sea", "waves", "surf", "dunes", "boardwalk");
        Add(E, "park", 0.9, "park", "forest", "woods", "garden", "meadow", "nature", "trail", "jungle");
        Add(E, "park", 0.6, "field", "grass", "trees", "hike", "hiking", "outdoors", "lawn", "backyard", "countryside");
        Add(E, "street", 0.9, "street", "city", "downtown", "sidewalk", "alley", "crosswalk", "urban");
        Add(E, "street", 0.6, "road", "rooftop", "graffiti", "cafe", "storefront");
        Add(E, "gym", 0.9, "gym", "fitness center", "health club", "weight room", "crossfit box");
        Add(E, "gym", 0.6, "treadmill", "dumbbells", "barbell", "squat rack");
        Add(E, "home", 0.9, "home", "at home", "living room", "bedroom", "apartment", "hotel room", "house");
        Add(E, "home", 0.6, "room", "hotel", "couch", "sofa", "kitchen", "flat", "indoors", "balcony");
        Add(E, "office", 0.9, "office", "workplace", "desk", "cubicle", "meeting room", "coworking");
        Add(E, "office", 0.5, "at work", "conference");
        Add(E, "studio", 0.9, "studio", "backdrop", "plain background", "white background", "seamless", "photo studio");
        Add(E, "studio", 0.6, "white wall", "plain wall", "softbox", "plain");
        Add(E, "snow", 0.9, "snow", "snowy", "mountain", "mountains", "ski", "skiing", "slopes", "alps", "glacier");
        Add(E, "snow", 0.5, "winter", "peak", "summit", "cabin");
        Add(E, "water", 0.9, "pool", "swimming pool", "poolside", "lake", "river", "in the water", "waterfall");
        Add(E, "water", 0.6, "water", "swimming", "paddle", "shallow");

        Add(O, "formal", 0.9, "formal", "suit", "tuxedo", "gown", "black tie", "evening wear", "ball gown",
            "cocktail dress");
        Add(O, "formal", 0.6, "heels", "high heels", "tie", "wedding", "gala", "prom");
        Add(O, "business-casual", 0.9, "business casual", "smart casual", "blazer", "chinos", "work clothes",
            "office wear", "button down", "slacks");
        Add(O, "business-casual", 0.5, "shirt", "pencil skirt", "loafers");
        Add(O, "casual", 0.9, "casual", "jeans", "t shirt", "tshirt", "tee", "hoodie", "streetwear",
            "everyday clothes");
        Add(O, "casual", 0.5, "shorts", "sneakers", "sweater", "denim");
        Add(O, "sportswear", 0.9, "sportswear", "activewear", "athleisure", "leggings", "gym clothes",
            "workout clothes", "yoga pants", "sports bra", "tracksuit", "gym wear");
        Add(O, "sportswear", 0.6, "joggers", "trainers", "running shoes", "sweatpants");
        Add(O, "swimwear", 0.9, "swimwear", "swimsuit", "bikini", "swim trunks", "bathing suit", "one piece",
            "swimming costume");
        Add(O, "swimwear", 0.5, "trunks", "boardshorts");
        Add(O, "dress", 0.9, "dress", "skirt", "sundress", "summer dress", "maxi dress", "mini skirt", "gown");
        Add(O, "winter", 0.9, "coat", "parka", "puffer", "winter jacket", "snowsuit", "ski gear", "winter clothes",
            "winter wear");
        Add(O, "winter", 0.6, "jacket", "scarf", "gloves", "beanie", "boots", "winter");

        Add(G, "yoga", 0.9, "yoga", "asana", "asanas", "vinyasa", "hatha", "yogi");
        Add(G, "yoga", 0.6, "stretch", "stretching", "meditation", "mindful", "mindfulness", "flexibility",
            "breathing");
        Add(G, "fitness", 0.9, "workout", "exercise", "exercises", "fitness", "training", "hiit", "cardio", "strength");
        Add(G, "fitness", 0.6, "train", "muscle", "muscles", "sweat", "burn", "tone", "toning", "abs", "fit", "strong");
        Add(G, "aesthetics", 0.9, "photo", "photos", "picture", "pictures", "pic", "pics", "photoshoot", "photo shoot",
            "instagram", "selfie", "portrait", "posing");
        Add(G, "aesthetics", 0.7, "shoot", "shots", "shot", "insta", "camera", "model", "modeling", "photographer",
            "golden hour", "aesthetic", "look good", "profile picture");

        Add(M, "elegant", 0.9, "elegant", "graceful", "classy", "chic", "sophisticated", "glamorous", "glam", "poised");
        Add(M, "playful", 0.9, "playful", "fun", "cute", "silly", "cheerful", "joyful", "happy", "goofy");
        Add(M, "confident", 0.9, "confident", "powerful", "bold", "fierce", "boss", "empowered", "strong");
        Add(M, "calm", 0.9, "calm", "relaxed", "relaxing", "peaceful", "serene", "chill", "gentle", "restorative",
            "soothing", "zen");
        Add(M, "energetic", 0.9, "energetic", "dynamic", "lively", "energy", "energizing", "active", "intense");
        Add(M, "romantic", 0.9, "romantic", "dreamy", "soft", "tender");
        Add(M, "romantic", 0.4, "sunset", "golden hour", "candlelight");
        Add(M, "edgy", 0.9, "edgy", "cool", "moody", "grunge", "badass", "rebellious");
        Add(M, "natural", 0.9, "natural", "candid", "authentic", "effortless", "laid back", "unposed");
        return list;
    }

    /// <summary>
    /// Body-part words: the focus label they name, and the limitation they mean when pain words are near.
    /// </summary>
    public static readonly IReadOnlyList<(string Phrase, string? Focus, string? Limitation)> BodyParts =
    [
        ("lower back", "back", "lower-back"), ("back", "back", "lower-back"), ("spine", "back", "lower-back"),
        ("knee", "legs", "knees"), ("knees", "legs", "knees"), ("wrist", "arms", "wrists"),
        ("wrists", "arms", "wrists"),
        ("shoulder", "shoulders", "shoulders"), ("shoulders", "shoulders", "shoulders"), ("neck", null, "neck"),
        ("core", "core", null), ("abs", "core", null), ("belly", "core", null), ("legs", "legs", null),
        ("thighs", "legs", null),
        ("glutes", "glutes", null), ("butt", "glutes", null), ("booty", "glutes", null), ("arms", "arms", null),
        ("biceps", "arms", null), ("triceps", "arms", null), ("chest", "chest", null), ("hips", "hips", null),
        ("hip", "hips", null),
        ("balance", "balance", null), ("flexibility", "flexibility", null), ("flexible", "flexibility", null),
        ("posture", "posture", null), ("full body", "full-body", null), ("whole body", "full-body", null),
    ];

    public static readonly IReadOnlySet<string> PainWords = new HashSet<string>
    {
        "hurt", "hurts", "hurting", "pain", "painful", "sore", "injured", "injury", "bad", "weak", "problem",
        "problems",
        "issue", "issues", "surgery", "arthritis", "sprained", "tendinitis", "ache", "aches", "aching", "achy", "stiff",
        "herniated", "torn",
    };

    public static readonly IReadOnlySet<string> PregnancyWords = new HashSet<string>
    {
        "pregnant", "pregnancy", "expecting", "trimester", "prenatal", "maternity",
    };

    public static readonly IReadOnlySet<string> Negators = new HashSet<string>
    {
        "not", "no", "without", "don't", "dont", "never", "avoid", "cannot", "can't", "cant", "nothing", "neither",
        "nor",
        "isn't", "aren't", "won't", "wont", "hate", "skip",
    };

    /// <summary>
    /// Words that mean getting down on the ground; negated ("not on the floor") they rule out floor poses.
    /// </summary>
    public static readonly IReadOnlySet<string> FloorWords = new HashSet<string>
    {
        "floor", "ground", "mat", "lying", "lie", "kneel", "kneeling", "knees down", "lay", "laying",
    };

    /// <summary>
    /// Ordinary words one typo away from a vocabulary word ("press" ~ "dress", "class" ~ "glass"): never read as typos.
    /// </summary>
    public static readonly IReadOnlySet<string> NotTypos = new HashSet<string>
    {
        "press", "chest", "class", "dresser", "stress", "slope", "parks", "parked", "parking", "street", "train",
        "streets", "snowy", "coach", "peach", "reach", "teach", "bench", "lunch", "sweet", "model", "stretchy", "other",
        "about", "where", "there", "their", "would", "could", "should", "shore", "store", "score", "minutes", "morning",
        "evening", "hours", "weeks", "sports", "short", "things", "something", "wanted", "really", "maybe", "please",
    };
}
