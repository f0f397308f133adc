using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tikiya.Api.OpenApi;

/// <summary>
/// Request and response examples for the main operations, by operationId, so that the reference page shows a body to
/// start from. The document test checks that every example's members are members of its schema.
/// </summary>
internal sealed class OperationExamples : IOpenApiOperationTransformer
{
    private const string Email = "ada@example.com";
    private const string Password = "correct horse battery staple";
    private const string RefreshToken = "q5Jt8Xr2f0oW3vYh9KcLb1sNmA7eUdGz4iPyTxRwE6k";
    private const string DeviceToken = "Zc3uV0a9QkT7mWb2xLr5nYe8pDs1hGi4oFj6tKq0wAe";
    private const string Code = "482139"; // API.md: the 6-digit code of the mail
    private const string TotpCode = "907314"; // a code of the authenticator app (RFC 6238)
    private const string RecoveryCode = "kpk7-y3xp-wh8e";
    private const string TotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"; // 20 bytes, base32

    private static readonly JsonObject Tokens = new()
    {
        ["tokenType"] = "Bearer",
        ["accessToken"] = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI…",
        ["expiresIn"] = 900,
        ["refreshToken"] = RefreshToken,
    };

    // Login's answer adds the device token; refresh's never has one (API.md v1.1).
    private static readonly JsonObject LoginTokens = WithDeviceToken(Tokens, DeviceToken);

    // login/mfa gives the device of its first step a new token, in place of the one that step presented.
    private static readonly JsonObject LoginMfaTokens = WithDeviceToken(Tokens, "Hq8rN2vXc5TbL0mYe7KsWd3pZa9uFg4jRi6oEt1nQwU");

    private static readonly JsonObject RecoveryCodes = new()
    {
        ["recoveryCodes"] = new JsonArray("uhy5-8fhe-93bh", "d6wx-757n-huv4", RecoveryCode, "hq3d-kfjk-gg97", "3s3v-9s3w-b5vh",
            "xwxs-dvav-hvjm", "b6nt-dzp5-9arc", "yx42-8k2y-gs6r", "kysz-bvr9-8yd9", "tgzh-rsew-utgx"),
    };

    private static readonly JsonObject User = new()
    {
        ["id"] = "0f8fad5b-d9cb-469f-a165-70867728950e",
        ["email"] = Email,
        ["emailVerified"] = true,
        ["createdAt"] = "2026-01-01T12:00:00Z",
        ["mfaEnabled"] = false,
    };

    private static readonly Dictionary<string, (JsonObject? Request, JsonObject? Response)> Examples = new()
    {
        ["register"] = (new JsonObject { ["email"] = Email, ["password"] = Password }, User),
        ["login"] = (new JsonObject
        {
            ["email"] = Email, ["password"] = Password, ["deviceName"] = "Ada's laptop", ["deviceToken"] = DeviceToken,
        }, LoginTokens),
        ["refresh"] = (new JsonObject { ["refreshToken"] = RefreshToken }, Tokens),
        ["logout"] = (new JsonObject { ["refreshToken"] = RefreshToken }, null),
        ["verifyEmail"] = (new JsonObject { ["email"] = Email, ["code"] = Code }, null),
        ["resendVerification"] = (new JsonObject { ["email"] = Email }, null),
        ["forgotPassword"] = (new JsonObject { ["email"] = Email }, null),
        ["resetPassword"] = (new JsonObject { ["email"] = Email, ["code"] = Code, ["newPassword"] = "a new horse battery" }, null),
        ["getMe"] = (null, User),
        ["changePassword"] = (new JsonObject { ["currentPassword"] = Password, ["newPassword"] = "a new horse battery" }, null),
        ["changeEmail"] = (new JsonObject { ["newEmail"] = "ada.lovelace@example.com", ["password"] = Password }, null),
        ["confirmEmailChange"] = (new JsonObject { ["code"] = Code }, User),
        ["deleteAccount"] = (new JsonObject { ["password"] = Password }, null),
        ["loginMfa"] = (new JsonObject { ["mfaToken"] = MfaRequiredProblem.MfaToken, ["code"] = TotpCode }, LoginMfaTokens),
        ["getMfaStatus"] = (null, new JsonObject
        {
            ["enabled"] = true, ["enabledAt"] = "2026-01-02T09:30:00Z", ["recoveryCodesRemaining"] = 9,
        }),
        ["enrolTotp"] = (new JsonObject { ["password"] = Password }, new JsonObject
        {
            ["secret"] = TotpSecret,
            // As Otp.NET's OtpUri writes it for MFA_ISSUER=Tikiya: the label "issuer:account", the account escaped.
            ["otpauthUri"] = $"otpauth://totp/Tikiya:ada%40example.com?secret={TotpSecret}&issuer=Tikiya&algorithm=SHA1&digits=6&period=30",
        }),
        ["confirmTotp"] = (new JsonObject { ["code"] = TotpCode }, RecoveryCodes),
        ["disableTotp"] = (new JsonObject { ["code"] = RecoveryCode }, null), // a recovery code works here too
        ["replaceRecoveryCodes"] = (new JsonObject { ["code"] = TotpCode }, RecoveryCodes),
    };

    private static JsonObject WithDeviceToken(JsonObject tokens, string deviceToken)
    {
        var login = (JsonObject)tokens.DeepClone();
        login["deviceToken"] = deviceToken;
        return login;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        if (operation.OperationId is not { } id || !Examples.TryGetValue(id, out var example))
        {
            return Task.CompletedTask;
        }

        if (example.Request is { } request && operation.RequestBody?.Content is { } requestContent)
        {
            foreach (var media in requestContent.Values)
            {
                media.Example = request.DeepClone(); // a node has one parent, and the document is built per request
            }
        }

        var success = operation.Responses?.FirstOrDefault(r => r.Key.StartsWith('2')).Value;
        if (example.Response is { } response && success?.Content is { } responseContent)
        {
            foreach (var media in responseContent.Values)
            {
                media.Example = response.DeepClone();
            }
        }

        return Task.CompletedTask;
    }
}
