using System.Net;
using Tikiya.Api.Resilience;

namespace Tikiya.Api.UnitTests.Resilience;

public sealed class ClientPartitionKeyTests
{
    [TestCase("203.0.113.7", "203.0.113.7")]
    [TestCase("::ffff:203.0.113.7", "203.0.113.7")]
    [TestCase("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [TestCase("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    [TestCase("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [TestCase("fe80::1%2", "fe80::/64")]
    public void Of_WithTheDefaultPrefix_IsTheIPv4AddressOrTheIPv6Slash64(string address, string expected)
    {
        var key = ClientPartitionKey.Of(IPAddress.Parse(address), 64);

        Assert.That(key, Is.EqualTo(expected));
    }

    [TestCase("2001:db8:1:2:3:4:5:6", 48, "2001:db8:1::/48")]
    [TestCase("2001:db8:1:203:4:5:6:7", 56, "2001:db8:1:200::/56")]
    [TestCase("2001:db8:1:2ff:3:4:5:6", 60, "2001:db8:1:2f0::/60")]
    [TestCase("2001:db8:1:2:3:4:5:6", 128, "2001:db8:1:2:3:4:5:6/128")]
    public void Of_WithAConfiguredPrefix_IsTheIPv6NetworkOfThatLength(string address, int prefixLength, string expected)
    {
        var key = ClientPartitionKey.Of(IPAddress.Parse(address), prefixLength);

        Assert.That(key, Is.EqualTo(expected));
    }

    [Test]
    public void Of_WithoutAnAddress_IsOneUnknownClient()
    {
        var key = ClientPartitionKey.Of(null, 64);

        Assert.That(key, Is.EqualTo(ClientPartitionKey.Unknown));
    }
}
