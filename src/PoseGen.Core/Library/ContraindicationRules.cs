namespace PoseGen.Core.Library;

/// <summary>
/// Which limitations a pose must warn about, read from how the body is supported, as coaching and clinical conventions
/// put it (none fitted to data: nothing in the fixtures labels contraindications):
/// <list type="bullet">
/// <item>wrists: the hands carry body weight with the wrist bent back (hands on the floor without the forearms);</item>
/// <item>shoulders: the arms carry the body with neither hips nor knees down (planks, down dog, forearm and head
/// stands);</item>
/// <item>neck: the head carries weight;</item>
/// <item>pregnancy: upside down (falls, blood pressure) or jumping (impact);</item>
/// <item>knees: a loaded knee bent past <see cref="PoseRules.DeepKneeFlexion"/> (in <see cref="PoseRules"/>).</item>
/// </list>
/// Lower back has no support-based rule (it depends on spinal bending, which the data gives per joint but no convention
/// here turns into a threshold); its entries are reviewed by hand. The exceptions are poses where a support touches the
/// floor without carrying weight, each with its reason.
/// </summary>
public static class ContraindicationRules
{
    /// <summary>Hands on the floor that rest rather than carry: the weight stays on the knees or the feet.</summary>
    public static readonly IReadOnlyDictionary<string, string> RestingHands = new Dictionary<string, string>
    {
        ["childs-pose"] = "arms stretched forward resting; the weight sits back on the heels and knees",
        ["wide-legged-forward-fold"] = "fingertips touch the floor for balance; the weight stays on the feet",
    };

    /// <summary>A head on the floor that rests rather than carries.</summary>
    public static readonly IReadOnlyDictionary<string, string> RestingHead = new Dictionary<string, string>
    {
        ["childs-pose"] = "the forehead rests on the floor; the weight sits back on the heels",
    };

    public static IReadOnlyList<string> Violations(LibraryPose pose)
    {
        ArgumentNullException.ThrowIfNull(pose);
        var s = pose.Supports;
        var hands = s.Contains(Support.LeftHand) || s.Contains(Support.RightHand);
        var forearms = s.Contains(Support.LeftForearm) || s.Contains(Support.RightForearm);
        var lowered = s.Contains(Support.Hips) || s.Contains(Support.LeftKnee) || s.Contains(Support.RightKnee)
            || s.Contains(Support.Back);
        var carryingHands = hands && !RestingHands.ContainsKey(pose.Id);
        var found = new List<string>();
        void Require(bool when, string limitation, string why)
        {
            if (when && !pose.Contraindications.Contains(limitation)) found.Add(
                $"{why} without the '{limitation}' contraindication");
        }
        Require(carryingHands && !forearms, "wrists", "the hands carry weight");
        Require((carryingHands || forearms) && !lowered, "shoulders", "the arms carry the body");
        Require(s.Contains(Support.Head) && !RestingHead.ContainsKey(pose.Id), "neck", "the head carries weight");
        Require(pose.Kind == PoseKind.Inversion, "pregnancy", "it is upside down");
        Require(pose.Kind == PoseKind.Jumping, "pregnancy", "it is a jump");
        return found;
    }
}
