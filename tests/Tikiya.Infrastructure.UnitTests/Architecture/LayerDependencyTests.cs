using System.Reflection;
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
