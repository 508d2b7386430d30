using MusicAnalyser.Data;
using MusicAnalyser.Features.CommandLine;
using MusicAnalyser.Features.Export;
using MusicAnalyser.Features.Import;
using MusicAnalyser.Features.Listening;
using MusicAnalyser.Features.Spotify;

if (CommandLineApp.Handles(args))
{
    return CommandLineApp.Run(args);
}

// Settings and web assets live beside the app; ./data is relative to where the person starts it.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
// Under `dotnet run` web assets are read from the project through the build's manifest, in every
// environment (Development alone does this by default); a published app has its own wwwroot.
builder.WebHost.UseStaticWebAssets();
builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--data"] = "MusicAnalyser:DataDirectory" });

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddData().AddImport().AddListening().AddExport().AddSpotify().AddSpotifyPolling(builder.Configuration);
builder.Services.AddRazorPages();

var app = builder.Build();
app.Services.GetRequiredService<DatabaseMigrator>().Migrate();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}

app.UseRouting();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();

app.Run();
return 0;

public partial class Program;
