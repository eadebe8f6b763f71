using System.ComponentModel.DataAnnotations;

namespace PoseGen.Web.ViewModels.Account;

public sealed class RegisterViewModel
{
    [Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = "";

    [Required, DataType(DataType.Password), StringLength(128, MinimumLength = 8)]
    public string Password { get; set; } = "";

    [Required, DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The passwords do not match."),
        Display(Name = "Confirm password")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class LoginViewModel
{
    [Required, EmailAddress]
    public string Email { get; set; } = "";

    [Required, DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Display(Name = "Keep me signed in")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class ChangePasswordViewModel
{
    [Required, DataType(DataType.Password), Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    [Required, DataType(DataType.Password), StringLength(128, MinimumLength = 8), Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    [Required, DataType(DataType.Password), Compare(nameof(NewPassword), ErrorMessage = "The passwords do not match."),
        Display(Name = "Confirm new password")]
    public string ConfirmNewPassword { get; set; } = "";
}

public sealed class DeleteAccountViewModel
{
    [Required, DataType(DataType.Password), Display(Name = "Your password")]
    public string Password { get; set; } = "";
}

public sealed record ManageViewModel(string Email, ChangePasswordViewModel ChangePassword,
    DeleteAccountViewModel Delete, string? Message);
