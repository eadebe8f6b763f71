using PoseGen.Core.Errors;
using PoseGen.Inference.Scheduling;
using PoseGen.Web.Hosting;

namespace PoseGen.Web.Tests.Hosting;

/// <summary>The one mapping from an error's meaning to the status code and Retry-After that the caller gets.</summary>
public sealed class ExceptionStatusTests
{
    public static TheoryData<Exception, int> Meanings() => new()
    {
        { new NotFoundException("No such entry."), 404 },
        { new InvalidInputException("Days must be between 1900-01-01 and 9999-12-30.", "from"), 400 },
        { new UnusableInputException("No person was found in the photo."), 422 },
        { new ConflictException("The job is running."), 409 },
        { new TooLargeException("The photo is larger than 20 MiB."), 413 },
        { new UnavailableException("The pose models are not installed."), 503 },
        { new BusyException("The live coach is full.", TimeSpan.FromMinutes(2)), 503 },
        { new BusyException("You already have 2 renders waiting.", TimeSpan.FromSeconds(30), BusyScope.User), 429 },
        { new InferenceBusyException(InferenceBusyReason.QueueFull, TimeSpan.FromSeconds(2)), 503 },
    };

    [Theory]
    [MemberData(nameof(Meanings))]
    public void EachMeaningHasItsStatus(Exception error, int status) =>
    Assert.Equal(status, ExceptionStatus.For(error));

    [Fact]
    public void EveryBusyAnswerSaysWhenToComeBackInWholeSeconds()
    {
        Assert.Equal(30, ExceptionStatus.RetryAfterSeconds(new BusyException("Busy.", TimeSpan.FromSeconds(30),
            BusyScope.User)));
        Assert.Equal(2, ExceptionStatus.RetryAfterSeconds(new BusyException("Busy.", TimeSpan.FromSeconds(1.2))));
        Assert.Equal(1, ExceptionStatus.RetryAfterSeconds(new BusyException("Busy.", TimeSpan.Zero)));
        Assert.Null(ExceptionStatus.RetryAfterSeconds(new UnavailableException("Not installed.")));
        Assert.Null(ExceptionStatus.RetryAfterSeconds(new InvalidInputException("Bad.")));
    }
}
