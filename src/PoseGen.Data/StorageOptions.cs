using System.ComponentModel.DataAnnotations;

namespace PoseGen.Data;

/// <summary>Section "Storage": where the SQLite file and users' media live.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Absolute, or relative to the repository root (the content root when published).</summary>
    [Required]
    public string DataRoot { get; set; } = "data";
}
