package ca.calgary.representation.alerts.delivery;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import ca.calgary.representation.alerts.Alert;
import ca.calgary.representation.alerts.Finding;
import ca.calgary.representation.alerts.AlertSubscription;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** E-mail delivery over SMTP: the finding (or digest) in a subject line and a plain-text body. */
public class EmailChannel implements Channel {

    private final JavaMailSender mail;
    private final String from;

    public EmailChannel(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public String name() {
        return "EMAIL";
    }

    @Override
    public boolean wanted(AlertSubscription subscription) {
        return subscription.getEmail() != null;
    }

    @Override
    public void deliver(Finding finding, AlertSubscription subscription, String deliveryId)
            throws DeliveryException {
        Alert head = finding.getHead();
        int beneath = finding.getCells().size();
        SimpleMailMessage message = message(subscription, String.format(Locale.ROOT,
                "%s %s: %s in %s × %s (%s%s)", finding.getChange(), rule(head), finding.getGroup(),
                finding.getScope(), finding.getTier(), finding.getSeverity(),
                beneath == 0 ? "" : beneath == 1 ? ", 1 cell beneath" : ", " + beneath + " cells beneath"));
        StringBuilder body = new StringBuilder(finding.getExplanation()).append("\n\n");
        body.append("Finding: ").append(finding.getFindingId()).append('\n');
        body.append("Change: ").append(finding.getChange()).append(" at ").append(finding.getChangedAt())
                .append('\n');
        if (head.getResolution() != null) {
            body.append("Resolution: ").append(head.getResolution()).append('\n');
        }
        body.append("Severity: ").append(finding.getSeverity()).append(String.format(Locale.ROOT,
                "; priority %.1f (people short, weighted by confidence)\n", finding.getPriority()));
        body.append("Opened: ").append(finding.getOpenedAt()).append('\n');
        body.append("\nFigures of ").append(head.getScope()).append(" × ").append(head.getTier()).append(":\n");
        new TreeMap<>(head.getFigures()).forEach((name, value) -> line(body, name, value));
        body.append("\nThresholds:\n");
        new TreeMap<>(head.getThresholds()).forEach((name, value) -> line(body, name, value));
        beneath(body, finding);
        body.append("\nSubscription: ").append(subscription.getName()).append(" (").append(deliveryId).append(")\n");
        message.setText(body.toString());
        send(message);
    }

    @Override
    public void deliver(Digest digest, AlertSubscription subscription, String deliveryId) throws DeliveryException {
        int open = digest.openCount();
        SimpleMailMessage message = message(subscription, String.format(Locale.ROOT,
                "Digest: %d open finding%s%s", open, open == 1 ? "" : "s",
                digest.kind() == Digest.Kind.CAUGHT_UP ? "" : String.format(Locale.ROOT,
                        " (%d opened, %d worsened, %d resolved)", digest.opened().size(), digest.worsened().size(),
                        digest.resolved().size())));
        StringBuilder body = new StringBuilder(digest.reason()).append(" Findings are listed highest priority "
                + "first (people short of the benchmark or of parity, weighted by confidence).\n");
        section(body, "Opened", digest.opened());
        section(body, "Worsened", digest.worsened());
        section(body, "Resolved", digest.resolved());
        section(body, digest.kind() == Digest.Kind.CAUGHT_UP ? "Open" : "Still open", digest.stillOpen());
        if (open == 0) {
            body.append("\nNothing is open.\n");
        }
        body.append("\nSubscription: ").append(subscription.getName()).append(" (").append(deliveryId).append(")\n");
        message.setText(body.toString());
        send(message);
    }

    private SimpleMailMessage message(AlertSubscription subscription, String subject) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(subscription.getEmail());
        message.setSubject("[Representation Monitor] " + subject);
        return message;
    }

    private static void section(StringBuilder body, String title, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        body.append('\n').append(title).append(" (").append(findings.size()).append("):\n");
        for (Finding finding : findings) {
            body.append(finding.getSeverity()).append("  ").append(rule(finding.getHead())).append("  ")
                    .append(finding.getExplanation())
                    .append(String.format(Locale.ROOT, "\n  priority %.1f  %s\n", finding.getPriority(),
                            finding.getFindingId()));
            beneath(body, finding);
        }
    }

    private static void beneath(StringBuilder body, Finding finding) {
        for (Alert cell : finding.getCells()) {
            body.append("    beneath: ").append(cell.getSeverity()).append("  ").append(cell.getExplanation())
                    .append("\n    ").append(cell.getAlertId()).append("\n");
        }
    }

    private static String rule(Alert alert) {
        return alert.getMeasure() == null ? alert.getRule() : alert.getRule() + " (" + alert.getMeasure() + ")";
    }

    private void send(SimpleMailMessage message) throws DeliveryException {
        try {
            mail.send(message);
        } catch (MailException e) {
            throw new DeliveryException("the mail server refused or did not answer: " + e.getMessage(), e);
        }
    }

    private static void line(StringBuilder body, String name, Double value) {
        body.append("  ").append(name).append(": ").append(String.format(Locale.ROOT, "%.4f", value)).append('\n');
    }
}
