using Microsoft.Extensions.Options;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.ScaleOut;

/// <summary>
/// A Redis:Configuration that cannot work stops start-up with the setting's name, never echoing its password.
/// </summary>
public sealed class RedisOptionsTests
{
    [Theory]
    [InlineData("127.0.0.1:6379,password=s3cret-word,nosuchoption=1",
        "not a valid StackExchange.Redis connection string")]
    [InlineData("password=s3cret-word", "names no server")]
    public void AnInvalidConnectionStringStopsStartUp(string configuration, string problem)
    {
        using var factory = new PoseGenWebFactory();
        factory.Settings["Redis:Configuration"] = configuration;

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("Redis:Configuration", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-word", error.Message, StringComparison.Ordinal);
    }
}
