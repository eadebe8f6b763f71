using Microsoft.AspNetCore.Identity;

namespace PoseGen.Data.Entities;

public sealed class PoseGenUser : IdentityUser
{
    public DateTime CreatedAtUtc { get; set; }
}
