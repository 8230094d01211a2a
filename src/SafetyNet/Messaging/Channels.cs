using System.Globalization;
using System.Text.RegularExpressions;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Notify.Client;
using Notify.Exceptions;

namespace SafetyNet.Messaging;

/// <summary>A failure that retrying will not cure (a refused address, a rejected key): the message goes to the dead letters.</summary>
public sealed class PermanentDeliveryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Something that carries a message out of the building and answers with its own id for it.</summary>
public interface IMessageCarrier
{
    string Name { get; }

    Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>E-mail over SMTP with MailKit, to the force's own mail relay.</summary>
public sealed class SmtpCarrier(IConfiguration configuration) : IMessageCarrier
{
    public string Name => "Smtp";

    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Channel != MessageChannel.Email)
        {
            throw new PermanentDeliveryException("SMTP carries e-mail only");
        }
        var section = configuration.GetSection("Messaging:Smtp");
        var host = section["Host"] ?? "localhost";
        var port = int.TryParse(section["Port"], CultureInfo.InvariantCulture, out var p) ? p : 25;
        var security = Enum.TryParse<SecureSocketOptions>(section["Security"], ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(section["From"] ?? "no-reply@safetynet.test"));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Subject = message.Subject ?? "";
        mime.Body = new TextPart("plain") { Text = message.Body };
        // A stable id lets the receiving side recognise a resend after a crash between sending and recording it.
        mime.MessageId = $"outbox-{message.Id.ToString(CultureInfo.InvariantCulture)}@safetynet";
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(host, port, security, cancellationToken);
            if (section["UserName"] is { Length: > 0 } user)
            {
                await client.AuthenticateAsync(user, section["Password"] ?? "", cancellationToken);
            }
            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500)
        {
            throw new PermanentDeliveryException($"SMTP {(int)refused.StatusCode}", refused);
        }
        return mime.MessageId;
    }
}

/// <summary>GOV.UK Notify for e-mail and texts, through the official client, with one template per channel.</summary>
public sealed partial class NotifyCarrier(IConfiguration configuration) : IMessageCarrier
{
    public const string DefaultBaseUrl = "https://api.notifications.service.gov.uk";

    public string Name => "Notify";

    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var section = configuration.GetSection("Messaging:Notify");
        var key = section["ApiKey"] is { Length: > 0 } k ? k : throw new PermanentDeliveryException("No GOV.UK Notify API key is configured");
        var client = new NotificationClient(section["BaseUrl"] is { Length: > 0 } url ? url : DefaultBaseUrl, key);
        var personalisation = new Dictionary<string, dynamic> { ["subject"] = message.Subject ?? "", ["body"] = message.Body };
        var reference = $"outbox-{message.Id.ToString(CultureInfo.InvariantCulture)}";
        try
        {
            if (message.Channel == MessageChannel.Sms)
            {
                var sms = await client.SendSmsAsync(message.Recipient, section["SmsTemplateId"] ?? "", personalisation, reference);
                return sms.id;
            }
            var email = await client.SendEmailAsync(message.Recipient, section["EmailTemplateId"] ?? "", personalisation, reference);
            return email.id;
        }
        catch (NotifyClientException refused) when (StatusOf(refused.Message) is 400 or 403)
        {
            throw new PermanentDeliveryException($"Notify {StatusOf(refused.Message)}", refused);
        }
    }

    public static int? StatusOf(string error) =>
        StatusPattern().Match(error) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"Status code (\d{3})")]
    private static partial Regex StatusPattern();
}
