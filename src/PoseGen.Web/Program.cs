using PoseGen.Application;
using PoseGen.Data;
using PoseGen.Imaging;
using PoseGen.Inference;
using PoseGen.Web.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = AppPaths.WebRoot(),
});

builder.AddPoseGenLogging();
builder.Services
    .AddPoseGenData(builder.Configuration, AppPaths.DataRoot(builder.Configuration))
    .AddPoseGenImaging()
    .AddPoseGenInference()
    .AddPoseGenApplication()
    .AddPoseGenAccounts()
    .AddPoseGenSecurity(builder.Configuration)
    .AddPoseGenWeb(builder.Configuration)
    .AddPoseGenJobs(builder.Configuration)
    .AddPoseGenScaleOut(builder.Configuration);

var app = builder.Build();

await app.Services.MigratePoseGenDatabaseAsync();
app.UsePoseGenPipeline();
app.MapPoseGenEndpoints();
await app.RunAsync();

/// <summary>Entry point type, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
