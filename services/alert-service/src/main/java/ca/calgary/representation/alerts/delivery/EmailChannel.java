package ca.calgary.representation.alerts.delivery;

import java.util.Locale;
import java.util.TreeMap;

import ca.calgary.representation.alerts.Alert;
import ca.calgary.representation.alerts.Finding;
import ca.calgary.representation.alerts.AlertSubscription;
import ca.calgary.representation.alerts.AlertTransition;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** E-mail delivery over SMTP: the transition in a subject line and a plain-text body. */
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
    public void deliver(AlertTransition transition, AlertSubscription subscription, String deliveryId)
            throws DeliveryException {
        Alert alert = transition.getAlert();
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(subscription.getEmail());
        message.setSubject(String.format(Locale.ROOT, "[Representation Monitor] %s %s: %s in %s × %s (%s)",
                transition.getStatus(), rule(alert), alert.getGroup(), alert.getScope(), alert.getTier(),
                alert.getSeverity()));
        StringBuilder body = new StringBuilder(alert.getExplanation()).append("\n\n");
        body.append("Alert: ").append(alert.getAlertId()).append('\n');
        body.append("Status: ").append(transition.getStatus()).append(" (was ")
                .append(transition.getPreviousStatus() == null ? "none" : transition.getPreviousStatus())
                .append(")\n");
        if (alert.getResolution() != null) {
            body.append("Resolution: ").append(alert.getResolution()).append('\n');
        }
        body.append("Severity: ").append(alert.getSeverity()).append('\n');
        body.append("First seen: ").append(alert.getFirstSeen()).append("; last updated: ")
                .append(alert.getLastUpdated()).append('\n');
        body.append("\nFigures:\n");
        new TreeMap<>(alert.getFigures()).forEach((name, value) -> line(body, name, value));
        body.append("\nThresholds:\n");
        new TreeMap<>(alert.getThresholds()).forEach((name, value) -> line(body, name, value));
        body.append("\nSubscription: ").append(subscription.getName()).append(" (").append(deliveryId).append(")\n");
        message.setText(body.toString());
        send(message);
    }

    @Override
    public void deliver(Digest digest, AlertSubscription subscription, String deliveryId) throws DeliveryException {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(subscription.getEmail());
        message.setSubject(String.format(Locale.ROOT, "[Representation Monitor] Digest: %d open finding%s",
                digest.openFindings().size(), digest.openFindings().size() == 1 ? "" : "s"));
        StringBuilder body = new StringBuilder("The pipeline has caught up with its input. What it raised and "
                + "resolved while catching up (since " + digest.heldSince() + ") was held; this is what is open "
                + "now, as findings, highest priority first (people short of the benchmark or of parity, weighted "
                + "by confidence).\n\n");
        for (Finding finding : digest.openFindings()) {
            body.append(finding.getSeverity()).append("  ").append(rule(finding.getHead())).append("  ")
                    .append(finding.getExplanation())
                    .append(String.format(Locale.ROOT, "\n  priority %.1f  %s\n", finding.getPriority(),
                            finding.getFindingId()));
            for (Alert cell : finding.getCells()) {
                body.append("    beneath: ").append(cell.getSeverity()).append("  ").append(cell.getExplanation())
                        .append("\n    ").append(cell.getAlertId()).append("\n");
            }
        }
        if (digest.openFindings().isEmpty()) {
            body.append("Nothing is open.\n");
        }
        body.append("\nSubscription: ").append(subscription.getName()).append(" (").append(deliveryId).append(")\n");
        message.setText(body.toString());
        send(message);
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
