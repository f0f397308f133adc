using MimeKit;

namespace Tikiya.Infrastructure.UnitTests.Mail;

/// <summary>The reader of the app's mails, on mails built here: what it finds, and that it refuses to guess.</summary>
public sealed class SentMailTests
{
    [Test]
    public void Code_OnALineOfItsOwn_IsFound()
    {
        var message = Mail("Your code is below. It expires in 10 minutes.\r\n\r\n    482913  \r\n\r\nIgnore 111111 in a sentence.");

        var code = SentMail.Code(message);

        Assert.That(code, Is.EqualTo("482913"));
    }

    [Test]
    public void Code_OnlyInsideASentence_IsNotFound()
    {
        var message = Mail("Your code is 482913, valid 10 minutes.");

        Assert.Throws<AssertionException>(() => SentMail.Code(message));
    }

    [Test]
    public void Code_TwoDifferentOnes_IsAnError()
    {
        var message = Mail("123456\r\n654321\r\n");

        Assert.Throws<AssertionException>(() => SentMail.Code(message));
    }

    [Test]
    public void LinkToken_PercentEncoded_IsDecoded()
    {
        var message = Mail("Reset it: https://app.tikiya.test/reset?lang=en&token=x%2By%2Fz%3D%3D.\r\nThen https://other.test/?token=no");

        var token = SentMail.LinkToken(message);

        Assert.That(token, Is.EqualTo("x+y/z=="));
    }

    [Test]
    public void LinkToken_FirstLinkWithoutToken_IsAnError()
    {
        var message = Mail("Help: https://app.tikiya.test/help\r\nhttps://app.tikiya.test/reset?token=abc");

        Assert.Throws<AssertionException>(() => SentMail.LinkToken(message));
    }

    [Test]
    public void HasHtmlPart_TextOnlyMail_IsFalse()
    {
        var message = Mail("Only text.");

        Assert.That(SentMail.HasHtmlPart(message), Is.False);
    }

    [Test]
    public void Text_HtmlOnlyMail_IsAnError()
    {
        var message = new MimeMessage { Subject = "HTML only", Body = new TextPart("html") { Text = "<p>123456</p>" } };

        Assert.Throws<AssertionException>(() => SentMail.Text(message));
    }

    private static MimeMessage Mail(string text) =>
        new() { Subject = "Test", Body = new TextPart("plain") { Text = text } };
}
