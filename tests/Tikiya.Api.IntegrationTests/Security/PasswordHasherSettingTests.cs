using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Security;

namespace Tikiya.Api.IntegrationTests.Security;

/// <summary>The settings that pick the hasher and its threads, as the app composes them (the adapters: unit tests).</summary>
public sealed class PasswordHasherSettingTests
{
    [TestCase(PasswordHashingOptions.Isopoh, typeof(IsopohPasswordHasher))]
    [TestCase(PasswordHashingOptions.Managed, typeof(ManagedArgon2PasswordHasher))]
    [TestCase(PasswordHashingOptions.Libsodium, typeof(LibsodiumPasswordHasher))]
    public async Task PasswordHasherSetting_SelectsTheAdapter_RunOnOneThreadPerCore(string setting, Type expected)
    {
        await using var app = TestSetup.Factory.WithWebHostBuilder(b => b.UseSetting("PASSWORD_HASHER", setting));

        var hasher = app.Services.GetRequiredService<IPasswordHasher>();

        Assert.That(hasher, Is.TypeOf<PasswordHasher>());
        var threads = (PasswordHasher)hasher;
        Assert.That(threads.Adapter, Is.TypeOf(expected));
        Assert.That(threads.Threads, Is.EqualTo(Environment.ProcessorCount));
    }

    [Test]
    public async Task HashingConcurrency_SetsTheThreads_WhateverThePool()
    {
        await using var app = TestSetup.Factory.WithWebHostBuilder(b => b
            .UseSetting("PASSWORD_HASHING_CONCURRENCY", "3").UseSetting("DATABASE_POOL_MAX", "2"));

        var hasher = (PasswordHasher)app.Services.GetRequiredService<IPasswordHasher>();

        Assert.That(hasher.Threads, Is.EqualTo(3));
    }
}
