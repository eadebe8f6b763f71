namespace PoseGen.Data.Migrations;

internal static class InitialTables
{
    /// <summary>Tables of the initial migration, dependants first.</summary>
    public static readonly string[] DropOrder =
    [
        "MediaFiles", "Activities", "Profiles", "AspNetUserTokens", "AspNetUserRoles", "AspNetUserLogins",
        "AspNetUserClaims", "AspNetRoleClaims", "AspNetUsers", "AspNetRoles",
    ];
}
