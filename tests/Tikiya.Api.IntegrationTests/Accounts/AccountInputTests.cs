using System.Net;
using System.Text;
using Npgsql;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Accounts;

/// <summary>
/// API.md: bad input to any endpoint of the account flows is a 400 problem with <c>errors</c> (validation_failed when
/// a rule refused a field, malformed_request when the body is not the JSON the endpoint reads), never a 500, and it
/// changes nothing: every table reads the same before and after.
/// </summary>
public sealed class AccountInputTests : ApiTest
{
    private const string VerifyEmail = "/api/v1/auth/verify-email";
    private const string ResendVerification = "/api/v1/auth/resend-verification";
    private const string ForgotPassword = "/api/v1/auth/forgot-password";
    private const string ResetPassword = "/api/v1/auth/reset-password";
    private const string Password = "/api/v1/users/me/password";
    private const string Email = "/api/v1/users/me/email";
    private const string ConfirmEmail = "/api/v1/users/me/email/confirm";
    private const string Delete = "/api/v1/users/me/delete";

    private const string ValidationFailed = "validation_failed";
    private const string Malformed = "malformed_request";

    private static readonly string[] Endpoints =
        [VerifyEmail, ResendVerification, ForgotPassword, ResetPassword, Password, Email, ConfirmEmail, Delete];

    private static readonly string TooLongToken = new('t', 257);
    private static readonly string TooLongEmail = new string('a', 255 - "@example.com".Length) + "@example.com";
    private static readonly string TooLongPassword = new('p', 129);
    private static readonly string FarTooLongPassword = new('p', 513);

    private static IEnumerable<TestCaseData> RefusedFields()
    {
        yield return Case(VerifyEmail, "{}", "email", "code");
        yield return Case(VerifyEmail, """{"email": "ann@example.com", "code": "12345"}""", "code");
        yield return Case(VerifyEmail, """{"email": "ann@example.com", "code": "12345a"}""", "code");
        yield return Case(VerifyEmail, """{"email": "ann@example.com", "code": "١٢٣٤٥٦"}""", "code");
        yield return Case(VerifyEmail, """{"email": "not an address", "code": "123456"}""", "email");
        yield return Case(VerifyEmail, """{"token": ""}""", "token");
        yield return Case(VerifyEmail, $$"""{"token": "{{TooLongToken}}"}""", "token");
        yield return Case(VerifyEmail, """{"token": "abc", "email": "ann@example.com"}""", "email");
        yield return Case(VerifyEmail, """{"token": "abc", "code": "123456"}""", "code");

        foreach (var path in new[] { ResendVerification, ForgotPassword })
        {
            yield return Case(path, "{}", "email");
            yield return Case(path, """{"email": ""}""", "email");
            yield return Case(path, """{"email": "   "}""", "email");
            yield return Case(path, """{"email": "not an address"}""", "email");
            yield return Case(path, $$"""{"email": "{{TooLongEmail}}"}""", "email");
        }

        yield return Case(ResetPassword, "{}", "email", "code", "newPassword");
        yield return Case(ResetPassword, """{"token": "abc"}""", "newPassword");
        yield return Case(ResetPassword, """{"token": "abc", "newPassword": "1234567"}""", "newPassword");
        yield return Case(ResetPassword, $$"""{"token": "abc", "newPassword": "{{TooLongPassword}}"}""", "newPassword");
        yield return Case(ResetPassword, """{"email": "ann@example.com", "code": "abc", "newPassword": "new horse battery"}""", "code");
        yield return Case(ResetPassword, """{"token": "", "newPassword": "new horse battery"}""", "token");
        yield return Case(ResetPassword,
            """{"token": "abc", "email": "ann@example.com", "code": "123456", "newPassword": "new horse battery"}""", "email", "code");

        yield return Case(Password, "{}", "currentPassword", "newPassword");
        yield return Case(Password, """{"currentPassword": "correct horse battery", "newPassword": "1234567"}""", "newPassword");
        yield return Case(Password, $$"""{"currentPassword": "correct horse battery", "newPassword": "{{TooLongPassword}}"}""", "newPassword");
        yield return Case(Password, """{"currentPassword": "", "newPassword": "new horse battery"}""", "currentPassword");
        yield return Case(Password, $$"""{"currentPassword": "{{FarTooLongPassword}}", "newPassword": "new horse battery"}""", "currentPassword");

        yield return Case(Email, "{}", "newEmail", "password");
        yield return Case(Email, """{"newEmail": "not an address", "password": "correct horse battery"}""", "newEmail");
        yield return Case(Email, $$"""{"newEmail": "{{TooLongEmail}}", "password": "correct horse battery"}""", "newEmail");
        yield return Case(Email, """{"newEmail": "ann.new@example.com", "password": ""}""", "password");

        yield return Case(ConfirmEmail, "{}", "code");
        yield return Case(ConfirmEmail, """{"code": ""}""", "code");
        yield return Case(ConfirmEmail, """{"code": "12345"}""", "code");
        yield return Case(ConfirmEmail, """{"code": "1234567"}""", "code");
        yield return Case(ConfirmEmail, """{"code": " 123456"}""", "code");

        yield return Case(Delete, "{}", "password");
        yield return Case(Delete, """{"password": ""}""", "password");
        yield return Case(Delete, """{"password": null}""", "password");
        yield return Case(Delete, $$"""{"password": "{{FarTooLongPassword}}"}""", "password");
    }

    private static IEnumerable<TestCaseData> MalformedBodies()
    {
        foreach (var path in Endpoints)
        {
            yield return new TestCaseData(path, "");
            yield return new TestCaseData(path, "[]");
            yield return new TestCaseData(path, "\"text\"");
            yield return new TestCaseData(path, "{\"email\": ");
        }

        yield return new TestCaseData(VerifyEmail, """{"token": 123}""");
        yield return new TestCaseData(VerifyEmail, """{"email": "ann@example.com", "code": 123456}""");
        yield return new TestCaseData(ResendVerification, """{"email": true}""");
        yield return new TestCaseData(ForgotPassword, """{"email": ["ann@example.com"]}""");
        yield return new TestCaseData(ResetPassword, """{"token": "abc", "newPassword": 12345678}""");
        yield return new TestCaseData(Password, """{"currentPassword": {}, "newPassword": "new horse battery"}""");
        yield return new TestCaseData(Email, """{"newEmail": 42, "password": "correct horse battery"}""");
        yield return new TestCaseData(ConfirmEmail, """{"code": 123456}""");
        yield return new TestCaseData(Delete, """{"password": 12345678}""");
    }

    [TestCaseSource(nameof(RefusedFields))]
    public async Task Endpoint_WithAFieldItsRulesRefuse_Returns400ValidationFailedOnThatFieldAndChangesNothing(string path,
        string json, string[] fields)
    {
        var accessToken = await ArrangeAccountAsync();
        var before = await SnapshotAsync();

        var response = await Client.PostRawJsonAsync(path, accessToken, json);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ValidationFailed);
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EquivalentTo(fields));
        Assert.That(await SnapshotAsync(), Is.EqualTo(before), "no table changed");
    }

    [TestCaseSource(nameof(MalformedBodies))]
    public async Task Endpoint_WithABodyOfTheWrongShape_Returns400MalformedRequestWithErrorsAndChangesNothing(string path,
        string json)
    {
        var accessToken = await ArrangeAccountAsync();
        var before = await SnapshotAsync();

        var response = await Client.PostRawJsonAsync(path, accessToken, json);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, Malformed);
        Assert.That(problem.GetProperty("errors").EnumerateObject(), Is.Not.Empty);
        Assert.That(await SnapshotAsync(), Is.EqualTo(before), "no table changed");
    }

    [TestCaseSource(nameof(Endpoints))]
    public async Task Endpoint_WithAJsonNullBody_Returns400WithErrorsAndChangesNothing(string path)
    {
        var accessToken = await ArrangeAccountAsync();
        var before = await SnapshotAsync();

        var response = await Client.PostRawJsonAsync(path, accessToken, "null");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").EnumerateObject(), Is.Not.Empty);
        Assert.That(await SnapshotAsync(), Is.EqualTo(before), "no table changed");
    }

    private static TestCaseData Case(string path, string json, params string[] fields) => new(path, json, fields);

    /// <summary>An account with a session, its verification code and a reset code: what bad input must not touch.</summary>
    private async Task<string> ArrangeAccountAsync()
    {
        await Client.RegisterForVerificationMailAsync();
        var tokens = await Client.LoginOkAsync();
        await Client.ForgotPasswordForMailAsync();
        return tokens.AccessToken;
    }

    /// <summary>
    /// Every table as JSON. Of mail_outbox only what a request could change: its sender marks rows sent in the
    /// background, which is no change of the request's.
    /// </summary>
    private static async Task<string> SnapshotAsync()
    {
        string[] queries =
        [
            "SELECT * FROM users", "SELECT * FROM sessions", "SELECT * FROM refresh_tokens", "SELECT * FROM email_codes",
            "SELECT id, user_id, recipient, template FROM mail_outbox", "SELECT * FROM mail_requests",
            "SELECT * FROM address_request_limits", "SELECT * FROM login_throttles", "SELECT * FROM device_tokens",
        ];
        var snapshot = new StringBuilder();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        foreach (var query in queries)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT coalesce(json_agg(row_to_json(t) ORDER BY row_to_json(t)::text), '[]')::text FROM ({query}) AS t",
                connection);
            snapshot.Append(query).Append(": ").AppendLine((string)(await command.ExecuteScalarAsync())!);
        }

        return snapshot.ToString();
    }
}
