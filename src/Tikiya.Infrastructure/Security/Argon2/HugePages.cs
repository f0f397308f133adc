using System.Runtime.InteropServices;

namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>
/// Asks Linux to back the working memory with 2 MiB transparent huge pages (madvise MADV_HUGEPAGE), which it does
/// when /sys/kernel/mm/transparent_hugepage/enabled is <c>madvise</c> (the usual default) or <c>always</c>. Argon2
/// reads a random block for every block it writes; with 4 KiB pages most of those reads also miss the TLB. Best effort:
/// anywhere else, or if the call fails, the memory simply keeps small pages.
/// </summary>
internal static partial class HugePages
{
    public const int Bytes = 2 * 1024 * 1024;
    private const int MadviseHugePage = 14; // MADV_HUGEPAGE in <linux/mman.h>

    public static void Advise(nint start, long length)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var whole = length / Bytes * Bytes; // only whole huge pages; start is aligned by the caller
        try
        {
            _ = MAdvise(start, (nuint)whole, MadviseHugePage); // a refusal (EINVAL: THP compiled out) changes nothing
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // a libc without madvise: small pages, as everywhere else
        }
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int MAdvise(nint address, nuint length, int advice);
}
