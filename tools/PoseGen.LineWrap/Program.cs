// Wraps C# lines longer than the limit (120 columns, .editorconfig's max_line_length) the way this code base already
// wraps them by hand: argument and parameter lists packed onto continuation lines indented one level, a chain broken
// before a member access, comments reflowed into the lines that follow them, a string too long for any line split into
// two joined by +. It moves only whitespace between tokens (and splits strings), so what compiles keeps its meaning;
// lines it cannot wrap are listed for a person to wrap.
//   dotnet run --project tools/PoseGen.LineWrap -- [--check] [--width 120] [files or folders...]
//     no paths: every C# file git tracks; --check: list the long lines and exit 1 when there are any, changing nothing
using System.Diagnostics;
using PoseGen.LineWrap;

var check = args.Contains("--check");
var widthAt = Array.IndexOf(args, "--width");
var width = widthAt >= 0 ? int.Parse(args[widthAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 120;
var paths = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (widthAt < 0 || i != widthAt + 1))
    .ToList();
var files = paths.Count == 0 ? TrackedCSharpFiles() : paths.SelectMany(Expand).ToList();

var left = 0;
var changed = 0;
foreach (var file in files)
{
    var text = File.ReadAllText(file);
    var wrapped = text;
    var result = check ? LineWrapper.LongLines(text, width) : LineWrapper.Wrap(text, width, out wrapped);
    if (wrapped != text)
    {
        File.WriteAllText(file, wrapped);
        changed++;
    }
    foreach (var line in result)
        Console.WriteLine($"{file}:{line}: longer than {width} columns");
    left += result.Count;
}
Console.Error.WriteLine(check
    ? $"{left} lines over {width} columns in {files.Count} files."
    : $"Wrapped lines in {changed} of {files.Count} files; {left} lines left for a person to wrap.");
return left > 0 && check ? 1 : 0;

static IEnumerable<string> Expand(string path) =>
    Directory.Exists(path)
        ? Directory.EnumerateFiles(path, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal)
                && !f.Contains("/bin/", StringComparison.Ordinal))
        : [path];

static List<string> TrackedCSharpFiles()
{
    using var git = Process.Start(new ProcessStartInfo("git", "ls-files *.cs") { RedirectStandardOutput = true })
        ?? throw new InvalidOperationException("git could not be started.");
    var lines = git.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    git.WaitForExit();
    return lines;
}
