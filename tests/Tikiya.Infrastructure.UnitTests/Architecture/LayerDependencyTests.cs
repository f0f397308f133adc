using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;

namespace Tikiya.Infrastructure.UnitTests.Architecture;

/// <summary>Dependencies point inwards only (ARCHITECTURE.md): Api → Infrastructure → Application → Domain.</summary>
public sealed class LayerDependencyTests
{
    private static IEnumerable<TestCaseData> Layers()
    {
        yield return new TestCaseData("Tikiya.Domain", Array.Empty<string>()).SetName("Domain_ReferencesNoProject");
        yield return new TestCaseData("Tikiya.Application", new[] { "Tikiya.Domain" }).SetName("Application_ReferencesOnlyDomain");
        yield return new TestCaseData("Tikiya.Infrastructure", new[] { "Tikiya.Application" })
            .SetName("Infrastructure_ReferencesOnlyApplication");
        yield return new TestCaseData("Tikiya.Api", new[] { "Tikiya.Application", "Tikiya.Infrastructure" })
            .SetName("Api_ReferencesApplicationAndInfrastructure");
    }

    [TestCaseSource(nameof(Layers))]
    public void ProjectReferences_PointInwardsOnly(string project, string[] allowed)
    {
        var references = ProjectFile(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));

        Assert.That(references, Is.EquivalentTo(allowed));
    }

    [Test]
    public void Domain_HasNoPackageReference()
    {
        Assert.That(ProjectFile("Tikiya.Domain").Descendants("PackageReference"), Is.Empty);
    }

    [Test]
    public void Infrastructure_PullsInNoAspNetCore()
    {
        // What restore resolved, transitive packages included: a package that brings the shared framework counts too.
        using var assets = JsonDocument.Parse(File.ReadAllText(
            Path.Combine(RepositoryPaths.Root, "src", "Tikiya.Infrastructure", "obj", "project.assets.json")));
        var frameworks = assets.RootElement.GetProperty("project").GetProperty("frameworks").EnumerateObject()
            .SelectMany(f => f.Value.TryGetProperty("frameworkReferences", out var references)
                ? references.EnumerateObject().Select(r => r.Name) : []);
        var packages = assets.RootElement.GetProperty("targets").EnumerateObject()
            .SelectMany(t => t.Value.EnumerateObject())
            .Where(p => p.Name.StartsWith("Microsoft.AspNetCore.", StringComparison.OrdinalIgnoreCase)
                || (p.Value.TryGetProperty("frameworkReferences", out var references)
                    && references.EnumerateArray().Any(r => r.GetString() != "Microsoft.NETCore.App")))
            .Select(p => p.Name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(frameworks, Is.All.EqualTo("Microsoft.NETCore.App"), "Infrastructure knows nothing of HTTP");
            Assert.That(packages, Is.Empty, "packages that bring ASP.NET Core belong in Api");
        }
    }

    [TestCase("Tikiya.Domain", new string[0])]
    [TestCase("Tikiya.Application", new[] { "Tikiya.Domain" })]
    [TestCase("Tikiya.Infrastructure", new[] { "Tikiya.Application", "Tikiya.Domain" })]
    public void CompiledAssembly_ReferencesNoOuterLayer(string assemblyName, string[] allowedTikiya)
    {
        var references = Assembly.Load(assemblyName).GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.That(references.Where(r => r.StartsWith("Tikiya", StringComparison.Ordinal) || r == "tikiya_api"),
            Is.SubsetOf(allowedTikiya));
        if (assemblyName == "Tikiya.Domain")
        {
            Assert.That(references, Is.All.StartsWith("System").Or.EqualTo("netstandard"), "the domain uses only the BCL");
        }
    }

    private static XDocument ProjectFile(string project) =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", project, $"{project}.csproj"));
}
