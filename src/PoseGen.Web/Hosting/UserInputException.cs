namespace PoseGen.Web.Hosting;

/// <summary>An expected, user-caused failure with its status code and a message safe to show the user.</summary>
public sealed class UserInputException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
