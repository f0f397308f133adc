using System.Collections.Frozen;
using System.Text.Encodings.Web;
using Fluid;
using Microsoft.Extensions.Options;
using Tikiya.Application.Accounts;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Mail;

/// <summary>
/// The mails' subject, text and HTML, from Liquid templates (Fluid): built into the binary, each one replaced by a
/// file of the same name in MAIL_TEMPLATES_DIR when there is one. All are parsed once, at start, so a broken
/// override stops the start with its name rather than failing every mail later. HTML values are escaped.
/// </summary>
internal sealed class MailTemplateRenderer
{
    private static readonly FluidParser Parser = new();
    private static readonly string[] Parts = ["subject", "txt", "html"];

    private readonly FrozenDictionary<string, IFluidTemplate> _templates;

    public MailTemplateRenderer(IOptions<MailOptions> options)
    {
        var (templates, errors) = Load(options.Value.TemplatesDirectory);
        _templates = errors.Count == 0
            ? templates.ToFrozenDictionary(StringComparer.Ordinal)
            : throw new InvalidOperationException(string.Join(" ", errors));
    }

    /// <summary>
    /// What is wrong with the templates an operator put in <paramref name="overridesDirectory"/>, one line each (the
    /// file and the parser's message): <see cref="MailOptionsValidator"/> reports them as configuration errors, so a
    /// broken override stops the start with one clear line instead of a crash with a stack trace.
    /// </summary>
    internal static IReadOnlyList<string> Problems(string overridesDirectory) => Load(overridesDirectory).Errors;

    public RenderedMail Render(string name, IReadOnlyDictionary<string, string> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var context = new TemplateContext();
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value);
        }

        string RenderPart(string part, TextEncoder encoder) =>
            _templates.TryGetValue($"{name}.{part}.liquid", out var template)
                ? template.Render(context, encoder)
                : throw new InvalidOperationException($"There is no mail template {name}.");

        return new RenderedMail(
            RenderPart("subject", NullEncoder.Default).Trim().ReplaceLineEndings(" "),
            RenderPart("txt", NullEncoder.Default),
            RenderPart("html", HtmlEncoder.Default));
    }

    private static (Dictionary<string, IFluidTemplate> Templates, List<string> Errors) Load(string overrides)
    {
        var templates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var name in MailTemplates.All)
        {
            foreach (var part in Parts)
            {
                var file = $"{name}.{part}.liquid";
                var overridden = overrides.Length > 0 ? Path.Combine(overrides, file) : null;
                string source;
                try
                {
                    source = overridden is not null && File.Exists(overridden) ? File.ReadAllText(overridden) : BuiltIn(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    errors.Add($"The mail template {file} cannot be read ({e.GetType().Name}).");
                    continue;
                }

                if (Parser.TryParse(source, out var template, out var error))
                {
                    templates[file] = template;
                }
                else
                {
                    // Fluid's message goes on with the template's source over several lines: its first line says where.
                    errors.Add($"The mail template {file} does not parse: {error.Split('\n')[0].Trim()}");
                }
            }
        }

        return (templates, errors);
    }

    private static string BuiltIn(string file) => EmbeddedFiles.Read($"Mail.Templates.{file}");
}
