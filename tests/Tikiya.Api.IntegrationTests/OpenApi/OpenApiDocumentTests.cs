using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.OpenApi;

/// <summary>
/// The OpenAPI document against the app's own routes (EndpointDataSource): every route bound to a method is in it and
/// nothing else, protected ones declare the bearer scheme, and each operation has an id, problem errors and examples
/// that fit their schemas. A route left out of the document on purpose says so with ExcludeFromDescription.
/// </summary>
public sealed partial class OpenApiDocumentTests : ApiTest
{
    private const string ProblemJson = "application/problem+json";

    [Test]
    public async Task Document_ListsEveryRouteOfTheApp_AndNoOther()
    {
        var document = await DocumentAsync();

        var documented = Operations(document).Select(o => o.Route).ToList();
        Assert.That(documented, Is.EquivalentTo(Routes().Select(r => r.Route)));
    }

    [Test]
    public async Task Document_ProtectedOperations_RequireTheBearerScheme_AndOnlyThey()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.That(scheme.GetProperty("type").GetString(), Is.EqualTo("http"));
        Assert.That(scheme.GetProperty("scheme").GetString(), Is.EqualTo("bearer"));
        var requiresBearer = Operations(document).ToDictionary(o => o.Route, o => o.Operation.TryGetProperty("security", out var security)
            && security.EnumerateArray().Any(r => r.TryGetProperty("Bearer", out _)));
        var isProtected = Routes().ToDictionary(r => r.Route, r => r.IsProtected);
        Assert.That(requiresBearer, Is.EquivalentTo(isProtected));
    }

    [Test]
    public async Task Document_EveryOperation_HasAnOperationIdOfItsOwn()
    {
        var document = await DocumentAsync();

        var ids = Operations(document)
            .Select(o => o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();
        Assert.That(ids, Has.None.Null.And.None.Empty);
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public async Task Document_EveryErrorStatus_IsAProblemWithCode()
    {
        var document = await DocumentAsync();

        var errors = Operations(document)
            .SelectMany(o => o.Operation.GetProperty("responses").EnumerateObject()
                .Where(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture) >= 400)
                .Select(r => (Where: $"{o.Route} {r.Name}", Response: r.Value)))
            .ToList();
        Assert.That(errors, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var (where, response) in errors)
            {
                var hasProblem = response.TryGetProperty("content", out var content) && content.TryGetProperty(ProblemJson, out _);
                Assert.That(hasProblem, Is.True, $"{where}: no {ProblemJson} content");
                if (hasProblem)
                {
                    var schema = Resolve(document, content.GetProperty(ProblemJson).GetProperty("schema"));
                    Assert.That(PropertyNames(document, schema), Does.Contain("code"), $"{where}: the problem schema has no code");
                    Assert.That(schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()), Does.Contain("code"), where);
                }
            }
        });
    }

    [Test]
    public async Task Document_MainOperations_HaveRequestAndResponseExamples()
    {
        var document = await DocumentAsync();

        var byId = Operations(document).ToDictionary(o => o.Operation.GetProperty("operationId").GetString()!, o => o.Operation);
        Assert.Multiple(() =>
        {
            foreach (var id in new[] { "register", "login", "refresh" })
            {
                Assert.That(RequestExamples(byId[id]), Is.Not.Empty, $"{id}: no request example");
                Assert.That(ResponseExamples(byId[id]), Is.Not.Empty, $"{id}: no response example");
            }

            Assert.That(ResponseExamples(byId["getMe"]), Is.Not.Empty, "getMe: no response example");
        });
    }

    [Test]
    public async Task Document_EveryExample_NamesOnlyMembersOfItsSchema()
    {
        var document = await DocumentAsync();

        var examples = Operations(document)
            .SelectMany(o => RequestExamples(o.Operation).Concat(ResponseExamples(o.Operation)).Concat(ErrorExamples(o.Operation))
                .Select(e => (o.Route, e.Schema, e.Example)))
            .ToList();
        Assert.That(examples, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var (route, schema, example) in examples)
            {
                var members = example.EnumerateObject().Select(p => p.Name);
                Assert.That(PropertyNames(document, Resolve(document, schema)), Is.SupersetOf(members), route);
            }
        });
    }

    [Test]
    public async Task Document_LoginUnauthorized_DescribesTheMfaTokenOfMfaRequired()
    {
        var document = await DocumentAsync();

        var login = Operations(document).Single(o => o.Operation.GetProperty("operationId").GetString() == "login").Operation;
        var problem = login.GetProperty("responses").GetProperty("401").GetProperty("content").GetProperty(ProblemJson);
        Assert.That(PropertyNames(document, Resolve(document, problem.GetProperty("schema"))), Does.Contain("mfaToken").And.Contain("code"));
        Assert.That(problem.GetProperty("example").GetProperty("code").GetString(), Is.EqualTo("mfa_required"));
        Assert.That(problem.GetProperty("example").GetProperty("mfaToken").GetString(), Is.Not.Empty);
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await Client.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The app's routes bound to an HTTP method, as "METHOD /path" with the route constraints dropped.</summary>
    private static List<(string Route, bool IsProtected)> Routes() =>
    [
        .. Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (
                Route: $"{method} /{RouteParameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), "{$1}")}",
                IsProtected: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0
                    && e.Metadata.GetMetadata<IAllowAnonymous>() is null))),
    ];

    private static IEnumerable<(string Route, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(o => o.Name is not ("parameters" or "summary" or "description"))
            .Select(o => ($"{o.Name.ToUpperInvariant()} {path.Name}", o.Value)));

    private static IEnumerable<(JsonElement Schema, JsonElement Example)> RequestExamples(JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) ? Examples(body) : [];

    private static IEnumerable<(JsonElement Schema, JsonElement Example)> ResponseExamples(JsonElement operation) =>
        operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).SelectMany(r => Examples(r.Value));

    private static IEnumerable<(JsonElement Schema, JsonElement Example)> ErrorExamples(JsonElement operation) =>
        operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5').SelectMany(r => Examples(r.Value));

    private static IEnumerable<(JsonElement Schema, JsonElement Example)> Examples(JsonElement withContent) =>
        withContent.TryGetProperty("content", out var content)
            ? content.EnumerateObject()
                .Where(m => m.Value.TryGetProperty("example", out _) && m.Value.TryGetProperty("schema", out _))
                .Select(m => (m.Value.GetProperty("schema"), m.Value.GetProperty("example")))
            : [];

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    /// <summary>A schema's members, its allOf parts' included.</summary>
    private static IEnumerable<string> PropertyNames(JsonElement document, JsonElement schema)
    {
        var own = schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => p.Name) : [];
        var inherited = schema.TryGetProperty("allOf", out var parts)
            ? parts.EnumerateArray().SelectMany(part => PropertyNames(document, Resolve(document, part)))
            : [];
        return [.. own, .. inherited];
    }

    [GeneratedRegex(@"\{\*{0,2}([^}:=?]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
