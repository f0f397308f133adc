using System.Net;
using Microsoft.EntityFrameworkCore;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Builders;

/// <summary>
/// The builder stands in for register in most tests, so it must keep storing the account register stores (or those
/// tests would check an account no client can have), minus register's mail.
/// </summary>
public sealed class UserBuilderTests : ApiTest
{
    private const string Saved = "bob@example.com";

    [Test]
    public async Task SaveAsync_StoresTheAccountRegisterStoresWithoutItsMail()
    {
        await new UserBuilder().RegisterAsync(Client);

        await new UserBuilder().WithEmail(" Bob@Example.com ").SaveAsync(Factory.Services);

        var users = await QueryAsync(db => db.Users.AsNoTracking().ToDictionaryAsync(u => u.NormalizedEmail));
        var (registered, saved) = (users[UserBuilder.DefaultEmail], users[Saved]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(saved.Email.Value, Is.EqualTo("Bob@Example.com"), "trimmed, as register stores it");
            Assert.That(saved.CreatedAt, Is.EqualTo(registered.CreatedAt), "the app's clock");
            Assert.That(saved.EmailVerifiedAt, Is.EqualTo(registered.EmailVerifiedAt).And.Null);
            Assert.That(Cost(saved.PasswordHash), Is.EqualTo(Cost(registered.PasswordHash)), "the app's hasher setting");
            Assert.That(await QueryAsync(db => db.EmailCodes.CountAsync(c => c.UserId == saved.Id)), Is.Zero, "no verification code");
            Assert.That(await AccountMailbox.OutboxTemplatesToAsync("Bob@Example.com"), Is.Empty, "no verification mail");
        }
    }

    [Test]
    public async Task SaveAsync_OfTheSamePasswordTwice_HashesItOnce()
    {
        var first = await new UserBuilder().SaveAsync(Factory.Services);

        var second = await new UserBuilder().WithEmail(Saved).SaveAsync(Factory.Services);

        Assert.That(second.PasswordHash, Is.EqualTo(first.PasswordHash));
        Assert.That((await Client.LoginAsync(Saved)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "and it logs in");
    }

    /// <summary>A PHC string up to its salt: <c>$argon2id$v=19$m=…,t=…,p=…</c>.</summary>
    private static string Cost(string passwordHash) => string.Join('$', passwordHash.Split('$')[..4]);
}
