namespace Tikiya.Testing.Passwords;

public enum StubBehaviour
{
    /// <summary>The range, with the suffixes of the breached passwords that fall in it.</summary>
    Answer,

    /// <summary>500, as a failing service.</summary>
    Fail,

    /// <summary>No answer: the request is held until the client gives up.</summary>
    Hang,
}
