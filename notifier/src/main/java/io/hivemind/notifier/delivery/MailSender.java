package io.hivemind.notifier.delivery;

import java.util.concurrent.CompletionStage;

/** Sends one plain-text email; the service's is Quarkus' mailer over SMTP. */
@FunctionalInterface
public interface MailSender {

  /** Completes once the SMTP server took the message; fails otherwise. */
  CompletionStage<Void> send(String to, String subject, String text);
}
